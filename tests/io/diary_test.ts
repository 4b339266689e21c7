import assert from "node:assert/strict";
import { loadDiary, summarizeDiary } from "../../lib/io/mod.ts";
import { repoPath } from "../helpers.ts";

const text = await Deno.readTextFile(repoPath("data/getting-started/pain-diary.csv"));

Deno.test("the getting-started diary: 10 baseline and 18 treatment days, summarised per phase", () => {
  const { rows } = loadDiary(text, "pain-diary.csv");
  assert.equal(rows.length, 28);
  const s = summarizeDiary(rows, 1);
  assert.deepEqual(s.phases.map((p) => [p.phase, p.days]), [["A", 10], ["B", 18]]);
  // window 1 = the raw scores; the means are the plain means per phase
  const a = rows.filter((r) => r.phase === "A").map((r) => r.pain);
  assert.equal(s.phases[0].mean, a.reduce((x, y) => x + y, 0) / a.length);
  assert.equal(s.phases[0].min, Math.min(...a));
  assert.equal(s.phases[0].max, Math.max(...a));
  assert.equal(s.treatmentStart, 11);
  assert.deepEqual(s.points.map((p) => p.smooth), rows.map((r) => r.pain));
  // a wider window changes the smoothed values and the last smoothed value per phase
  const s3 = summarizeDiary(rows, 3);
  const last = s3.points[s3.points.length - 1];
  const tail = rows.slice(-3).map((r) => r.pain);
  assert.equal(last.smooth, tail.reduce((x, y) => x + y, 0) / 3);
  assert.equal(s3.phases[1].last_smoothed, last.smooth);
});

Deno.test("diary errors name the file, the row, the column and the rule", () => {
  assert.throws(
    () => loadDiary("day,phase,pain\n1,A,5\n1,B,4\n", "d.csv"),
    /d\.csv: row 2 \(line 3\), column day must be unique \(also on row 1\), got 1/,
  );
  assert.throws(
    () => loadDiary("day,phase,pain\n1,a,5\n", "d.csv"),
    /d\.csv: row 1 \(line 2\), column phase must be one capital letter/,
  );
  assert.throws(
    () => summarizeDiary([{ day: 1, phase: "A", pain: 3 }], 0),
    /movingAverage: window must be a whole number >= 1, got 0/,
  );
});
