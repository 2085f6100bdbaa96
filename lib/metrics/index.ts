export * from './value';
export * from './six-sigma';
export * from './voice';
export * from './pareto';
export * from './p-chart';
export * from './kpis';
