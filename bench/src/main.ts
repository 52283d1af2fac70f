// Placeholder until the benchmarks land.
export {};
