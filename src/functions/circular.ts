/* Excel wrappers for SPEC 3.4 (recycling and Scope 3). JSDoc is the registration. */
export {};
