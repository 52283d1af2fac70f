// Placeholder until the exercise lands.
export {};
