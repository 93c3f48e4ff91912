// A Fluent catalogue parsed when the UI is built (fluent.ts).
declare module '*.ftl?parsed' {
  const body: import('@fluent/bundle').FluentResource['body'];
  export default body;
}
