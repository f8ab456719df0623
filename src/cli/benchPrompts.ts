/**
 * The fixed prompts of `char-lstm bench`: text before the cursor in several languages,
 * each ending mid-line where a completion is plausible. Changing them changes the numbers.
 */
export const BENCH_PROMPTS: readonly string[] = [
  'import * as fs from \'fs\';\nimport * as path from \'path\';\n\nexport function readConfig(file: string) {\n  const text = fs.readFileSync(',
  'function add(a, b) {\n  return a + b;\n}\n\nfunction sub(a, b) {\n  return ',
  'const items = await fetch(url).then((r) => r.',
  'export class Stack<T> {\n  private items: T[] = [];\n\n  push(item: T): void {\n    this.items.',
  'def fibonacci(n):\n    if n < 2:\n        return n\n    return fibonacci(n - 1) + ',
  'import os\nimport sys\n\n\ndef main():\n    args = sys.argv[1:]\n    for arg in ',
  'class Point:\n    def __init__(self, x, y):\n        self.x = x\n        self.',
  'with open(path, "r", encoding="utf-8") as f:\n    for line in f:\n        line = line.',
  'package main\n\nimport "fmt"\n\nfunc main() {\n\tfor i := 0; i < 10; i++ {\n\t\tfmt.',
  'func (s *Server) Handle(w http.ResponseWriter, r *http.Request) {\n\tif r.Method != http.',
  'fn main() {\n    let v: Vec<i32> = (0..10).collect();\n    let total: i32 = v.iter().',
  'impl Display for Point {\n    fn fmt(&self, f: &mut Formatter) -> fmt::Result {\n        write!(f, ',
  '#include <stdio.h>\n\nint main(int argc, char **argv) {\n    for (int i = 0; i < argc; i++) {\n        printf(',
  'public class Main {\n    public static void main(String[] args) {\n        System.out.',
  '#!/usr/bin/env bash\nset -euo pipefail\n\nfor f in "$@"; do\n  if [ -f "$f" ]; then\n    echo ',
  'SELECT id, name\nFROM users\nWHERE created_at > ',
  '<!DOCTYPE html>\n<html lang="en">\n<head>\n  <meta charset="utf-8">\n  <title>',
  '.container {\n  display: flex;\n  justify-content: ',
  '{\n  "name": "example",\n  "version": "1.0.0",\n  "scripts": {\n    "test": ',
  '# Getting started\n\nInstall the dependencies with `npm ci`, then run ',
];
