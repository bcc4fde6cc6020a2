// electron-builder's configuration: the pure builder in scripts/builder-config.mjs applied to
// this process's environment, so signing, notarization and update hosting switch on by setting
// the variables the README lists and nothing else.
import { builderConfig } from './scripts/builder-config.mjs';

export default builderConfig(process.env);
