export * from './errors';
export * from './dates';
export * from './schemas';
export * from './labels';
export * from './access/roles';
export * from './access/permissions';
export * from './access/session-policy';
export * from './residents/stays';
