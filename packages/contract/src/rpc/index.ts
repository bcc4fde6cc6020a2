export * from './messages';
export * from './transport';
export * from './client';
export * from './text-transport';
