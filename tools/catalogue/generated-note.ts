/** The line every generated file starts with, so that nobody edits it by hand. */
export const GENERATED_NOTE =
  'GENERATED from the service catalogue (libs/catalogue/src/service-catalogue.ts) by `npm run catalogue -- write`:\nedit the catalogue, or tools/catalogue for what every service shares, never this file.';
