export * from './default-definition.js';
export * from './personalise.js';
export * from './reason-taxonomy.js';
export * from './schema.js';
