// Types of builder-config.mjs for the TypeScript tests that read the configuration back.
export declare const identity: {
  appId: string;
  productName: string;
  executableName: string;
  desktopName: string;
};
export declare const BUILDER_DEFAULT_DEB_DEPENDS: string[];
export declare const FUSES: Record<string, boolean>;
export declare function publishConfig(env: Record<string, string | undefined>): unknown[] | null;
export declare function azureSignOptions(
  env: Record<string, string | undefined>,
): Record<string, string> | undefined;
export declare function builderConfig(env: Record<string, string | undefined>): Record<string, unknown>;
