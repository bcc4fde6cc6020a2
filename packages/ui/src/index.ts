import './styles/app.css';

export type { HostAdapter } from './host';
export { mountPanDesk } from './mount';
export type { MountOptions } from './mount';
export { App } from './components/app';
export type { AppProps } from './components/app';
export { createFakeBridge } from './testing/fake-bridge';
export type { FakeBridge, FakeBridgeOptions } from './testing/fake-bridge';
