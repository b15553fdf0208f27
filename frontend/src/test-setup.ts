import '@testing-library/jest-dom/vitest';

// jsdom has no matchMedia or ResizeObserver; Mantine's modals ask for both.
window.matchMedia = window.matchMedia || ((() => ({matches: false, addEventListener() {}, removeEventListener() {}, addListener() {}, removeListener() {}})) as any);
globalThis.ResizeObserver = globalThis.ResizeObserver || class { observe() {} unobserve() {} disconnect() {} };
