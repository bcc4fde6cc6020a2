export * from './messages';
export * from './transport';
export * from './dispatch';
export * from './server';
export * from './client';
export * from './text-transport';
