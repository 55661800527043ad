/**
 * For plain `tsc`, which cannot read .astro files: the render tests import components as
 * Astro component factories. `astro check` reads the components themselves and ignores this.
 */
declare module '*.astro' {
  const Component: import('astro/runtime/server/index.js').AstroComponentFactory;
  export default Component;
}
