// A Fluent catalogue parsed when the UI is built (ui/fluent.ts): the entries
// (FluentResource's `body`) as JSON text.
declare module '*.ftl?parsed' {
  const json: string;
  export default json;
}
