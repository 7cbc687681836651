// Every sentence Leakline shows a person (app, CLI, Markdown and HTML reports) is built from these
// helpers, so articles, plurals and terms agree everywhere. Unit tests: test/unit/analysis/phrasing.test.ts.
export * from './numbers';
export * from './group';
export * from './evidence-labels';
export * from './messages';
