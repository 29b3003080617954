export * from './auth';
export * from './organisations';
export * from './houses';
export * from './residents';
export * from './audit';
export * from './rules';
export * from './check-ins';
