export * from './logged-contact';
