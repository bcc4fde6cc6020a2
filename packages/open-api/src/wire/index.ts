export * from './common';
export * from './auth';
export * from './user';
export * from './files';
export * from './upload';
export * from './download';
export * from './cloud';
