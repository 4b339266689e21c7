/**
 * Texts of the index page in Dutch and English.
 * @module
 */
import type { Dictionary } from "../i18n.ts";

/** The index page's dictionary. */
export const INDEX_PAGE: Dictionary = {
  en: {
    "intro": `# evidence-lab

Notebooks for recomputing, checking and extending the evidence on interdisciplinary medical-specialist pain rehabilitation (IMSR). Everything runs in your browser, offline. Every notebook has a header with links to the others, a Dutch/English switch and a button that downloads all its figures and tables as one zip.

- [Getting started](./getting-started.html) — load a data file, a table, a chart, a slider.
- [Meta-analysis of pre-post data](./meta-analysis.html) — SMCC vs SMCR, the choice of r, τ² estimators, the two I² definitions, forest and funnel plots, your own CSV (also as Dutch Excel saves it).
- [Single-case randomisation tests](./sced.html) — did the treatment change this patient's scores, without a control group? AB/ABAB/ABCD and multiple-baseline designs, exact and Monte Carlo tests, combined p across patients, effect sizes, live power.
- [Evidence tables](./evidence-tables.html) — the VRA objection's chapter-4 tables (RCTs, cohorts, the review of standardised mean changes) and the PICO comparison of 3b, rebuilt from data with their sources.
- [Auditing the evidence](./audit.html) — statcheck-style consistency checks of every reported number, each finding explained.
- [Responder rates](./responders.html) — reported vs implied responder rates, intervals, EXP vs graded activity (Leeuw 2008: the assumed group sizes stated, the counts reconstructed) with difference, CI and NNT, and pooling that counts each cohort once.
- [PICO or PIO? Simulating the designs](./pico-pio.html) — the dispute's designs simulated and diagnosed side by side: power, bias, RMSE, coverage, type-S, with Monte Carlo errors.
- [Generic vs personalised PROMs](./proms.html) — how a generic PROM (PDI, 7 domains) dilutes a gain on the domains a patient cares about, and what that does to responders and power.
- [Certainty of the evidence: PICO or PIO](./certainty.html) — summary-of-findings tables for each comparison of the dispute, risk-of-bias judgements and GRADE domains you can edit (the toolkit's rules, not official GRADE), downloads with provenance.
- [Several outcomes from the same study](./multilevel.html) — naive pooling vs a multilevel model vs the correlated-and-hierarchical-effects model with cluster-robust (CR2) inference, with a ρ slider, on metadat's Assink (2016) data; influence, Baujat and cumulative diagnostics.
- [Practice variation and benchmarking](./practice.html) — a simulated registry of centres (or your own CSV, read locally): case-mix-adjusted funnel plots with overdispersion, flagged centres, shrunken centre estimates, indication and dose.`,
  },
  nl: {
    "intro": `# evidence-lab

Notebooks om het bewijs over interdisciplinaire medisch-specialistische pijnrevalidatie (IMSR) na te rekenen, te controleren en uit te breiden. Alles draait in uw browser, offline. Elk notebook heeft bovenaan links naar de andere, een schakelaar Nederlands/Engels en een knop die alle figuren en tabellen in één zip downloadt.

- [Aan de slag](./getting-started.html) — een databestand laden, een tabel, een figuur, een schuif.
- [Meta-analyse van voor-nametingen](./meta-analysis.html) — SMCC tegen SMCR, de keuze van r, τ²-schatters, de twee definities van I², forest en funnel plots, uw eigen CSV (ook zoals Nederlandse Excel hem opslaat).
- [Single-case-randomisatietoetsen](./sced.html) — veranderden de scores van deze patiënt door de behandeling, zonder controlegroep? AB/ABAB/ABCD- en multiple-baselinedesigns, exacte en Monte-Carlotoetsen, gecombineerde p over patiënten, effectgroottes, power.
- [Bewijstabellen](./evidence-tables.html) — de tabellen van hoofdstuk 4 van het VRA-bezwaar (RCT's, cohorten, de review van gestandaardiseerde gemiddelde veranderingen) en de PICO-vergelijking van 3b, opnieuw opgebouwd uit data, met hun bronnen.
- [Controle van het bewijs](./audit.html) — consistentiecontroles in de stijl van statcheck van elk gerapporteerd getal, elke bevinding uitgelegd.
- [Responders](./responders.html) — gerapporteerde tegen afgeleide responderpercentages, intervallen, EXP tegen graded activity (Leeuw 2008: de aangenomen groepsgroottes vermeld, de aantallen gereconstrueerd) met verschil, BI en NNT, en poolen waarbij elk cohort één keer telt.
- [PICO of PIO? De designs gesimuleerd](./pico-pio.html) — de designs uit het geschil naast elkaar gesimuleerd en beoordeeld: power, bias, RMSE, dekking, type-S, met Monte-Carlofouten.
- [Generieke tegen persoonlijke PROMs](./proms.html) — hoe een generieke PROM (PDI, 7 domeinen) de winst op de domeinen die een patiënt belangrijk vindt verdunt, en wat dat doet met responders en power.
- [Zekerheid van het bewijs: PICO of PIO](./certainty.html) — summary-of-findings-tabellen voor elke vergelijking uit het geschil, aanpasbare oordelen over risico op vertekening en GRADE-domeinen (de regels van de toolkit, geen officiële GRADE), downloads met herkomst.
- [Meerdere uitkomsten uit dezelfde studie](./multilevel.html) — naïef poolen vs een multilevelmodel vs het gecorreleerde-en-hiërarchische-effectenmodel met clusterrobuuste (CR2) inferentie, met een schuifregelaar voor ρ, op de Assink (2016)-gegevens uit metadat; invloed-, Baujat- en cumulatieve diagnostiek.
- [Praktijkvariatie en benchmarking](./practice.html) — een gesimuleerd register van centra (of uw eigen CSV, lokaal gelezen): funnel plots gecorrigeerd voor case-mix met overdispersie, gemarkeerde centra, gekrompen schattingen per centrum, indicatie en dosis.`,
  },
};
