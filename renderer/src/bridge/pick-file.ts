/** The browser's file picker, as a promise; null when the user cancels. */
export function pickFile(): Promise<File | null> {
  return pickFiles(false).then((files) => files[0] ?? null);
}

/** The browser's file picker with several files allowed (Ctrl/Shift-click); [] when cancelled. */
export function pickFiles(multiple = true): Promise<File[]> {
  return new Promise((resolve) => {
    const input = document.createElement('input');
    input.type = 'file';
    input.multiple = multiple;
    input.hidden = true;
    input.setAttribute('data-testid', 'file-input');
    const done = (files: File[]) => {
      input.remove();
      resolve(files);
    };
    input.addEventListener('change', () => done(Array.from(input.files ?? [])), { once: true });
    input.addEventListener('cancel', () => done([]), { once: true });
    document.body.append(input);
    input.click();
  });
}
