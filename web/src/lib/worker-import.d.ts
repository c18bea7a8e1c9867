/** Vite's `?worker` imports: the default export constructs the module as a Web Worker. */
declare module '*?worker' {
  const WorkerConstructor: new () => Worker;
  export default WorkerConstructor;
}
