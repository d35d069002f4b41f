import { loadCatalogue } from '../src/catalogue/load.js';

/** Start-up cost of loading and validating every questionnaire with survey-core. */
export function benchCatalogueLoad(times = 20) {
  loadCatalogue();
  const start = performance.now();
  for (let i = 0; i < times; i++) loadCatalogue();
  return { 'load and validate the catalogue': `${((performance.now() - start) / times).toFixed(1)} ms` };
}
