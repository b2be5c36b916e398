export * from './caller';
export * from './access-token-verifier';
export * from './auth.guard';
