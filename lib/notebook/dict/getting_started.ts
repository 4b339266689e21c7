/**
 * Texts of the getting-started notebook (a constructed pain diary, one slider) in Dutch and English.
 * @module
 */
import type { Dictionary } from "../i18n.ts";

/** The getting-started notebook's dictionary. */
export const GETTING_STARTED: Dictionary = {
  nl: {
    "intro": `# Aan de slag

Hoe werken de notebooks van evidence-lab? Dit notebook laadt een klein databestand uit \`data/\`, controleert het met de inleesfunctie van de toolkit, toont het als grafiek (met [Observable Plot](https://observablehq.com/plot/)) en als tabellen, en heeft één schuifregelaar. Elke berekening is een functie uit de bibliotheek (\`lib/io/mod.ts\`), getest zoals de rest van de toolkit; de cellen laden alleen, roepen aan en tonen.

De gegevens zijn een **geconstrueerd** dagelijks pijndagboek (NRS 0–10) van één denkbeeldige patiënt: 10 dagen baseline (fase A) en 18 behandeldagen (fase B). Zie de README van de map \`data/getting-started/\` van het project. Alles hier draait in de browser; er wordt niets verstuurd.`,
    "h.slider": `## De schuifregelaar

Dagboeken zijn grillig. Een voortschrijdend gemiddelde over de voorgaande dagen maakt ze gladder: het venster is het aantal dagen dat wordt gemiddeld (1 = de ruwe scores).`,
    "input.window": "Venster voortschrijdend gemiddelde (dagen)",
    "plot.y": "Pijn (NRS 0–10, lager is beter)",
    "plot.x": "Dag",
    "plot.start": "start behandeling",
    "plot.title": "dag {day}: {pain}",
    "h.table": `## De tabel, samengevat per fase

Dagen, gemiddelde, laagste en hoogste score per fase (\`summarizeDiary\`). De laatste kolom is de laatste gladgemaakte waarde in de fase en verandert dus mee met de schuifregelaar. Daaronder de eerste rijen van het dagboek zoals ingelezen (elke cel gecontroleerd: dag een geheel getal, fase één hoofdletter, pijn 0–10).`,
    "col.phase": "fase",
    "col.days": "dagen",
    "col.mean": "gemiddelde",
    "col.min": "laagste",
    "col.max": "hoogste",
    "col.last": "laatste gladgemaakte waarde",
    "col.day": "dag",
    "col.pain": "pijn",
    "caption.first": "Eerste 8 van {n} dagen",
  },
  en: {
    "intro": `# Getting started

How do evidence-lab notebooks work? This one loads a small data file from \`data/\`, validates it with the toolkit's loader, shows it as a chart (with [Observable Plot](https://observablehq.com/plot/)) and as tables, and has one slider. Every computation is a library function (\`lib/io/mod.ts\`), tested like the rest of the toolkit; the cells only load, call and display.

The data are a **constructed** daily pain diary (NRS 0–10) of one imaginary patient: 10 baseline days (phase A) and 18 treatment days (phase B). See the README of the project's \`data/getting-started/\` folder. Everything here runs in your browser; nothing is sent anywhere.`,
    "h.slider": `## The slider

Diaries are noisy. Smooth them with a trailing moving average: the window is the number of days averaged (1 = the raw scores).`,
    "input.window": "Moving-average window (days)",
    "plot.y": "Pain (NRS 0–10, lower is better)",
    "plot.x": "Day",
    "plot.start": "treatment starts",
    "plot.title": "day {day}: {pain}",
    "h.table": `## The table, summarised per phase

Days, mean, lowest and highest score per phase (\`summarizeDiary\`). The last column is the last smoothed value in the phase, so it moves with the slider. Below, the first rows of the diary as loaded (every cell checked: day a whole number, phase one capital letter, pain 0–10).`,
    "col.phase": "phase",
    "col.days": "days",
    "col.mean": "mean",
    "col.min": "lowest",
    "col.max": "highest",
    "col.last": "last smoothed",
    "col.day": "day",
    "col.pain": "pain",
    "caption.first": "First 8 of {n} days",
  },
};
