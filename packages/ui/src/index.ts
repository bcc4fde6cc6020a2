import './styles/app.css';
import './styles/cloud.css';

export type { HostAdapter } from './host';
export { mountPanDesk } from './mount';
export type { MountOptions } from './mount';
export { App } from './components/app';
export type { AppProps } from './components/app';
