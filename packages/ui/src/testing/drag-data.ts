/**
 * Synthetic DataTransfer objects shaped like a browser's (Testing Library copies their own
 * properties onto the event's DataTransfer). An OS drop lists `Files` in `types`, as browsers
 * do; an internal drag shares one store across dragstart, dragover and drop.
 */
export interface SyntheticDataTransfer {
  types: string[];
  files: File[];
  items: null;
  getData(format: string): string;
  setData(format: string, value: string): void;
}

export function osFileDrop(files: File[]): SyntheticDataTransfer {
  return { types: ['Files'], files, items: null, getData: () => '', setData: () => undefined };
}

/** One drag gesture's data: call `event()` for each event of the gesture. */
export function createDragSession(): { data: Map<string, string>; event(): SyntheticDataTransfer } {
  const data = new Map<string, string>();
  return {
    data,
    event: () => ({
      types: [...data.keys()],
      files: [],
      items: null,
      getData: (format) => data.get(format) ?? '',
      setData: (format, value) => void data.set(format, value),
    }),
  };
}
