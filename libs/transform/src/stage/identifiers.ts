// One quoting rule for the whole toolkit, kept with the dialects.
export { qualified, quoteIdent } from '@sparkify/warehouse';
