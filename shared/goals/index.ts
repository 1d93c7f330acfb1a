export * from './words';
export * from './relevanceSuggestion';
export * from './goalFigures';
