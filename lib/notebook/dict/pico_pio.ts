/**
 * Texts of the PICO/PIO notebook in Dutch and English (the notebook's own text; the reasons and
 * ratings of the certainty readout come from `lib/design` in English and are shown through
 * `translateMessage` of `../messages.ts`; the scenario titles, descriptions, design names, sources
 * and notes come in both languages from `data/designs/scenario-*.json`, through `scenarioTexts`
 * and `scenarioValueRows` of `lib/design`).
 * @module
 */
import type { Dictionary } from "../i18n.ts";

/** The PICO/PIO notebook's dictionary. */
export const PICO_PIO: Dictionary = {
  nl: {
    "intro": `# PICO of PIO? De onderzoeksopzetten gesimuleerd onder drie scenario's

**Wat zou elke onderzoeksopzet uit het geschil laten zien over IMSR, hoe vaak krijgt ze het juiste antwoord, en hoeveel zekerheid verdient ze — onder wiens premissen?** Het Zorginstituut beoordeelde interdisciplinaire medisch-specialistische revalidatie (IMSR) tegen een PICO met *voortgezette eerstelijnszorg* als vergelijking. Het bezwaar van de VRA (*Bezwaar op het conceptstandpunt van het Zorginstituut over IMSR bij chronische pijn*, 2025, hoofdstuk 3a) stelt dat voor patiënten bij wie de eerste lijn al faalde de vergelijking *gebruikelijke IMSR* moet zijn, of moet vervallen — een **PIO**, beantwoord met cohorten en single-case-experimenten (SCED) — omdat de wachtlijstarm van Smeets 2006 geen natuurlijk herstel liet zien.

Of een voor-nameting-verandering als effect gelezen mag worden, hangt af van premissen die de partijen niet delen. Daarom is er hier geen enkele standaard: drie **scenario's** (\`data/designs/scenario-*.json\`) geven elke premisse met haar bron, of noemen haar een aanname met het beschouwde bereik:

- **sceptisch** — natuurlijk beloop, regressie naar het gemiddelde (selectie op een ruizige beginmeting), verwachtingseffecten, response shift, wachtlijst-uitstel, uitval, therapieontrouw en contaminatie aan de bovenkant van plausibele bereiken;
- **literatuur-neutraal** — dezelfde mechanismen met middenwaarden;
- **VRA-premissen** — hoofdstuk 3 van het bezwaar: patiënten aan het eind van de lijn, geen natuurlijk herstel, verandering in cohorten toe te schrijven aan de behandeling.

In elk scenario zijn het aantal geprioriteerde domeinen k en het IMSR-effect **gekalibreerd** op de effectgroottes van Breugelmans 2024 (PDI 1,01, PSC 1,44 per activiteit) *gegeven de vertekening van dat scenario*: hoe meer van de waargenomen verandering een scenario aan vertekening toeschrijft, hoe kleiner het IMSR-effect dat eruit volgt. Elke opzet wordt geanalyseerd op hetzelfde instrument (de PDI, de landelijke indicator), met tweezijdige toetsen bij α = 0,05 en 95%-intervallen. De resultaten zijn simulaties van een model, geen data. De zekerheidsinschatting is **de heuristiek van deze toolkit, geen GRADE**.`,
    "input.n": "Patiënten per studie (n)",
    "input.scenario": "Scenario",
    "scenario.sceptical": "sceptisch",
    "scenario.literature-neutral": "literatuur-neutraal",
    "scenario.vra-premises": "VRA-premissen",
    "h.values": `### De waarden van het scenario (aanpassen en toepassen, of downloaden als JSON)

Elke waarde wordt op elke opzet gezet (een eigen waarde van een opzet gaat voor). Pas de JSON van de waarden hieronder aan en druk op *Toepassen*: de diagnose en de zekerheidstabel volgen. De download bevat het hele scenariobestand met uw aanpassingen. Het object \`nl\` bij een waarde bevat de Nederlandse tekst van haar bron en toelichting: pas die mee aan als u de Engelse tekst wijzigt.`,
    "input.values": "Waarden (JSON)",
    "apply": "Toepassen",
    "edit.notApplied": "Uw aanpassing is niet toegepast: {error}",
    "col.path": "waarde",
    "col.setting": "instelling",
    "col.range": "beschouwd bereik",
    "col.sourceNote": "bron — toelichting",
    "range.to": "tot",
    "comparator.primary-care": "voortgezette eerstelijnszorg",
    "comparator.usual-imsr": "gebruikelijke IMSR",
    "comparator.waiting-list": "wachtlijst",
    "comparator.none": "geen (PIO)",
    "caption.values": "{title} — vraag: vergelijking {comparator}, uitkomst {instrument}",
    "h.certainty": `## Zekerheid per opzet onder het gekozen scenario

Eén rij per opzet (haar hoofdanalyse: ANCOVA voor de RCT's, de t-toets op de verandering voor het cohort, voor de SCED de randomisatietoets met het t-interval van het gemiddelde verschil B − A binnen personen op cases − 1 vrijheidsgraden, of het betrouwbaarheidsinterval uit de omgekeerde randomisatietoets als de opzet dat antwoord draait). Vertekening is ten opzichte van de eigen onderzoeksvraag van elke opzet, in PDI-punten; de waarnemingsartefacten (verwachting, response shift, uitstel) horen bij geen enkele onderzoeksvraag. Startniveau: gerandomiseerd tussen patiënten hoog, anders laag; elk ernstig bezwaar verlaagt één niveau, elk zeer ernstig bezwaar twee.`,
    "col.design": "opzet",
    "col.inquiry": "onderzoeksvraag",
    "col.bias": "vertekening ± MCSE",
    "col.power": "power ± MCSE",
    "col.coverage": "dekking",
    "col.width": "gem. breedte BI",
    "col.start": "start",
    "col.rob": "risico op vertekening",
    "col.imprecision": "imprecisie",
    "col.indirectness": "indirectheid",
    "col.inconsistency": "inconsistentie",
    "col.level": "zekerheid (heuristiek)",
    "caption.certainty": "Scenario: {name} (heuristiek van de toolkit, geen GRADE)",
    "reasons": "Redenen en wat elk oordeel zou veranderen",
    "domain.risk_of_bias": "risico op vertekening",
    "domain.imprecision": "imprecisie",
    "domain.indirectness": "indirectheid",
    "domain.inconsistency": "inconsistentie",
    "reason.line": "{domain}: {rating} — {reason} (verandert bij: {change}). ",
    "reason.start": "Start {level}: {reason}.",
    "status.final": "Definitief antwoord: {reps} replicaties per opzet",
    "status.first": "Eerste antwoord: {reps} replicaties per opzet — wordt verfijnd in Web Workers…",
    "plot.bias": "Vertekening (schatting − onderzoeksvraag, PDI-punten)",
    "h.compare": `## De drie scenario's naast elkaar: waar de conclusies overeenkomen en waar ze omslaan

Dezelfde opzetten onder elk scenario (300 replicaties elk, alleen hoofdanalyses, de *onbewerkte* scenariobestanden bij de n hierboven), gedraaid zodra de diagnose hierboven definitief is. De scenario's verschillen in hun vraag én in hun premissen: het sceptische en het literatuur-neutrale scenario oordelen tegen de PICO van het Zorginstituut (vergelijking: voortgezette eerstelijnszorg), het VRA-scenario tegen zijn PIO (geen vergelijking). Een omslag in *risico op vertekening* komt dus uit de premissen (hoeveel van een voor-nameting-verandering vertekening is), een omslag in *indirectheid* uit de vraag.`,
    "waiting": "Wacht tot de diagnose hierboven klaar is…",
    "agree": "komt overeen",
    "flips": "slaat om",
    "rob.short": "RvV",
    "h.tornado": `## Welke aanname beweegt elke opzet het meest? (één tegelijk)

Elke waarde van het gekozen scenario die een bereik heeft, wordt op de onder- en daarna op de bovenkant van haar bereik gezet, de andere vastgehouden (ook de gekalibreerde k en het IMSR-effect). De balken tonen de vertekening van elke opzet aan beide kanten (open punt: onderkant; gevuld: bovenkant), grootste uitslag bovenaan; de tabel noemt waar het oordeel over risico op vertekening of het zekerheidsniveau binnen een bereik verandert. Berekend in de workers zodra de diagnose hierboven definitief is (150 replicaties per balkeinde).`,
    "input.design": "Opzet",
    "plot.tornado": "Vertekening (PDI-punten)",
    "tornado.none":
      "Geen enkele aanname verandert binnen haar bereik het oordeel over risico op vertekening of het zekerheidsniveau van deze opzet.",
    "col.assumption": "aanname",
    "col.low": "laag",
    "col.high": "hoog",
    "col.robChange": "risico op vertekening (laag → hoog)",
    "col.levelChange": "zekerheid (laag → hoog)",
    "h.calibration": `## Kalibratie: het gekozen scenario tegen de waargenomen getallen

k en het IMSR-effect zijn gefit op de eerste twee rijen (die komen dus per constructie overeen); de andere rijen zijn controles. De toleranties staan per rij; "buiten" betekent dat het scenario die waarneming niet kan reproduceren. Berekend zodra de diagnose hierboven definitief is (grote gesimuleerde cohorten, een seconde of zo).`,
    "col.target": "doel",
    "col.calSource": "bron",
    "col.observed": "waargenomen",
    "col.simulated": "gesimuleerd ± MCSE",
    "col.difference": "verschil",
    "col.tolerance": "tolerantie",
    "fitted": "gefit",
    "within": "binnen",
    "outside": "buiten",
    "notes": `## Opmerkingen

- Model: ware domeinscores (7 PDI-domeinen), meetfout, een IMSR-effect per patiënt op de k domeinen die de patiënt prioriteert. Dat een generieke PROM het effect van een gepersonaliseerde PROM verdunt, is een **aanname** van dit model (het effect ligt op k domeinen en de gepersonaliseerde items precies daar), geen uitkomst; k is gekalibreerd, niet gekozen.
- De drempels van de zekerheidsinschatting (25% en 50% van de MCID voor vertekening; de MCID voor de breedte van het BI; 20% patiënten die niet aan het eind van de lijn zijn voor indirectheid) zijn afspraken van de toolkit.
- Zelfde seed, zelfde getallen: replicatie i van opzet g gebruikt altijd de stroom \`deriveSeed(seed, g, i)\`, in deze thread of in welke worker ook.
- De opdrachtregel draait dezelfde bestanden: \`deno task simulate data/designs/scenario-sceptical.json --json\`.`,
    "mcid": "De MCID achter de oordelen: PDI {value} punten{unverified}, {source}.",
    "unverified": " (niet geverifieerd)",
    "seedDocs": "Brondocumenten (paragrafen en pagina’s zoals hierboven geciteerd): {docs}",
  },
  en: {
    "intro": `# PICO or PIO? Simulating the designs under three scenarios

**What would each study design of the dispute show about IMSR, how often would it get the answer right, and how much certainty would it earn — under whose premises?** The Zorginstituut judged interdisciplinary medical-specialist rehabilitation (IMSR) against a PICO whose comparison is *continued primary care*. The VRA's objection (*Bezwaar op het conceptstandpunt van het Zorginstituut over IMSR bij chronische pijn*, 2025, chapter 3a) argues that for patients who already failed primary care the comparison should be *usual IMSR*, or dropped — a **PIO** answered by cohorts and single-case experimental designs (SCED) — because the waiting-list arm of Smeets 2006 showed no natural recovery.

Whether a pre-post change can be read as an effect depends on premises the two sides do not share. So there is no single default here: three **scenarios** (\`data/designs/scenario-*.json\`) state every premise with its source, or label it an assumption with the range considered:

- **sceptical** — natural course, regression to the mean (selection on a noisy baseline), expectation effects, response shift, waiting-list hold-back, dropout, non-adherence and contamination at the upper end of plausible ranges;
- **literature-neutral** — the same mechanisms at middle values;
- **VRA premises** — the objection's chapter 3: end-of-the-line patients, no natural recovery, change in cohorts attributable to treatment.

In every scenario the number of prioritised domains k and the IMSR effect are **calibrated** to the Breugelmans 2024 effect sizes (PDI 1.01, PSC 1.44 per activity) *given that scenario's bias*: the more of the observed change a scenario attributes to bias, the smaller the IMSR effect it implies. Every design is analysed on the same instrument (the PDI, the national indicator), with two-sided tests at α = 0.05 and 95 % intervals. Results are simulations of a model, not data. The certainty readout is **the toolkit's heuristic, not GRADE**.`,
    "input.n": "Patients per study (n)",
    "input.scenario": "Scenario",
    "scenario.sceptical": "sceptical",
    "scenario.literature-neutral": "literature-neutral",
    "scenario.vra-premises": "VRA premises",
    "h.values": `### The scenario's values (edit and apply, or download as JSON)

Each value is set on every design (a design's own value wins). Edit the JSON of the values below and press *Apply*: the diagnosis and the certainty table follow. The download holds the whole scenario file with your edits. A value's \`nl\` object holds the Dutch of its source and note: edit it too when you change the English text.`,
    "input.values": "Values (JSON)",
    "apply": "Apply",
    "edit.notApplied": "Your edit was not applied: {error}",
    "col.path": "value",
    "col.setting": "setting",
    "col.range": "range considered",
    "col.sourceNote": "source — note",
    "range.to": "to",
    "comparator.primary-care": "continued primary care",
    "comparator.usual-imsr": "usual IMSR",
    "comparator.waiting-list": "waiting list",
    "comparator.none": "none (PIO)",
    "caption.values": "{title} — question: comparator {comparator}, outcome {instrument}",
    "h.certainty": `## Certainty per design under the selected scenario

One row per design (its main analysis: ANCOVA for the RCTs, the change-score t test for the cohort, for the SCED the randomisation test with the mean within-case B − A difference's t interval on cases − 1 df, or the interval from inverting the randomisation test when the design runs that answer). Bias is against each design's own inquiry, in PDI points; the observation artefacts (expectation, response shift, hold-back) are not part of any inquiry. Starting level: randomised between patients high, otherwise low; each serious concern lowers it one level, each very serious concern two.`,
    "col.design": "design",
    "col.inquiry": "inquiry",
    "col.bias": "bias ± MCSE",
    "col.power": "power ± MCSE",
    "col.coverage": "coverage",
    "col.width": "mean CI width",
    "col.start": "start",
    "col.rob": "risk of bias",
    "col.imprecision": "imprecision",
    "col.indirectness": "indirectness",
    "col.inconsistency": "inconsistency",
    "col.level": "certainty (heuristic)",
    "caption.certainty": "Scenario: {name} (toolkit heuristic, not GRADE)",
    "reasons": "Reasons and what would change each rating",
    "domain.risk_of_bias": "risk of bias",
    "domain.imprecision": "imprecision",
    "domain.indirectness": "indirectness",
    "domain.inconsistency": "inconsistency",
    "reason.line": "{domain}: {rating} — {reason} (changes: {change}). ",
    "reason.start": "Start {level}: {reason}.",
    "status.final": "Final answer: {reps} replications per design",
    "status.first": "First answer: {reps} replications per design — refining in Web Workers…",
    "plot.bias": "Bias (estimate − inquiry, PDI points)",
    "h.compare": `## The three scenarios side by side: where conclusions agree and where they flip

The same designs under each scenario (300 replications each, main analyses only, the *unedited* scenario files at the n above), run once the diagnosis above is final. The scenarios differ in their question as well as in their premises: the sceptical and literature-neutral ones judge against the Zorginstituut's PICO (comparator: continued primary care), the VRA one against its PIO (no comparator). So a flip in *risk of bias* comes from the premises (how much of a pre-post change is bias), a flip in *indirectness* from the question.`,
    "waiting": "Waiting for the diagnosis above to finish…",
    "agree": "agree",
    "flips": "flips",
    "rob.short": "RoB",
    "h.tornado": `## Which assumption moves each design most? (one at a time)

Every value of the selected scenario that has a range is set to the low and then the high end of its range, the others held (the calibrated k and IMSR effect held too). The bars show each design's bias at both ends (open dot: low end; filled: high end), largest swing on top; the table lists where the risk-of-bias rating or the certainty level changes within a range. Computed in the workers once the diagnosis above is final (150 replications per bar end).`,
    "input.design": "Design",
    "plot.tornado": "Bias (PDI points)",
    "tornado.none":
      "No single assumption changes this design's risk-of-bias rating or certainty level within its range.",
    "col.assumption": "assumption",
    "col.low": "low",
    "col.high": "high",
    "col.robChange": "risk of bias (low → high)",
    "col.levelChange": "certainty (low → high)",
    "h.calibration": `## Calibration: the selected scenario against the seed's observed numbers

k and the IMSR effect are fitted to the first two rows (so they agree by construction); the other rows are checks. Tolerances are stated per row; "outside" means the scenario cannot reproduce that observation. Computed once the diagnosis above is final (large simulated cohorts, a second or so).`,
    "col.target": "target",
    "col.calSource": "source",
    "col.observed": "observed",
    "col.simulated": "simulated ± MCSE",
    "col.difference": "difference",
    "col.tolerance": "tolerance",
    "fitted": "fitted",
    "within": "within",
    "outside": "outside",
    "notes": `## Notes

- Model: true domain scores (7 PDI domains), measurement error, a per-patient IMSR effect on the k domains the patient prioritises. That a generic PROM dilutes the effect of a personalised PROM is an **assumption** of this model (the effect is put on k domains and the personalised items exactly there), not a result; k is calibrated, not chosen.
- The certainty readout's thresholds (25 % and 50 % of the MCID for bias; the MCID for the CI width; 20 % of patients not at the end of the line for indirectness) are the toolkit's conventions.
- Same seed, same numbers: replication i of design g always uses the stream \`deriveSeed(seed, g, i)\`, in this thread or in any worker.
- The CLI runs the same files: \`deno task simulate data/designs/scenario-sceptical.json --json\`.`,
    "mcid": "The MCID behind the ratings: PDI {value} points{unverified}, {source}.",
    "unverified": " (unverified)",
    "seedDocs": "Source documents (sections and pages as cited above): {docs}",
  },
};
