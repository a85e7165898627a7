// The AsyncAPI document of the event catalogue, as partner-hub serves it (`@seriktes/contracts/catalogue`).
export { catalogueVersion, renderCommittedCatalogue } from './asyncapi/generate';
