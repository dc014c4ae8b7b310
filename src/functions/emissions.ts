/* Excel wrappers for SPEC 3.2 (emissions and energy). JSDoc is the registration. */
export {};
