import './styles/app.css';
import './styles/cloud.css';
import './styles/preview.css';
import './styles/sync.css';

export type { HostAdapter } from './host';
export { mountPanDesk } from './mount';
export type { MountOptions } from './mount';
export { App } from './components/app';
export type { AppProps } from './components/app';
