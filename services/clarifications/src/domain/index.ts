export * from './clarification';
