/**
 * Texts of the single-case (SCED) notebook in Dutch and English.
 * @module
 */
import type { Dictionary } from "../i18n.ts";

/** The SCED notebook's dictionary. */
export const SCED: Dictionary = {
  nl: {
    "plot.statistic": "statistiek",
    "plot.observed": "geobserveerd",
    "plot.of": "van",
    "plot.assignments": "toewijzingen",
    "plot.below": "< geobserveerd",
    "plot.atLeast": "≥ geobserveerd",
    "plot.effect": "effect (SD-eenheden)",
    "plot.power": "onderscheidend vermogen",
    "axis.measurement": "meting",
    "md.intro": `# Randomisatietests voor single-case-experimenten

**Veranderde de behandeling de scores van deze patiënt, als er geen controlegroep is?** In een single-case experimental design (SCED) is de patiënt zijn eigen controle: de start van elke behandelfase wordt vóór het onderzoek *willekeurig* gekozen uit de toegestane startpunten, zodat een randomisatietest kan nagaan hoe ongewoon het geobserveerde verschil is onder alle startpunten die getrokken hadden kunnen worden. Het bezwaar van de VRA tegen het conceptstandpunt van het Zorginstituut (2025, hoofdstuk 3, paragraaf "SCED"; de SCED-artikelen in paragraaf 4a) draagt zulke designs aan als bewijs voor een PIO zonder vergelijkingsgroep.

Dit notebook reproduceert eerst een gepubliceerd referentieresultaat en voert dan de tests uit op data met de vorm van de designs van de Jong: een ABCD-fasedesign herhaald over patiënten, en een multiple baseline over deelnemers. Het combineert de p-waarden over patiënten, geeft effectgroottes en laat zien hoe het onderscheidend vermogen van het design afhangt. Deel 5 neemt uw eigen databestand (effectgroottes, de met designs vergelijkbare g_AB en een interval uit de randomisatietest); deel 6 zet single-case-studies en RCT's op één schaal in één forestplot.

Bronnen:

- de Jong et al. (2005): een single-case ABCD-design met een willekeurige start van de interventie (exposure in vivo, EXP) bij 8 patiënten met CRPS-I; referentie (25) in de SCED-tabel van het VRA-bezwaar (paragraaf 4a).
- de Jong et al. (2008): een sequentieel gerepliceerd crossover single-case fasedesign (graded activity versus EXP) bij 8 patiënten met whiplash-geassocieerde klachten; referentie (23).
- de Jong et al. (2021): een sequentieel gerandomiseerd en gerepliceerd single-case fasedesign met herhaalde metingen bij 14 patiënten met werkgerelateerde pijn in de bovenste extremiteit; referentie (24).
- Onghena, P. (1992). Randomization tests for extensions and variations of ABAB single-case experimental designs: a rejoinder. *Behavioral Assessment*, 14, 153–171. (De hypothetische ABAB-data.)
- Onghena, P., & Edgington, E. S. (2005). Customization of pain treatments: single-case design and analysis. *Clinical Journal of Pain*, 21, 56–68.
- Bulté, I., & Onghena, P. (2008, 2009, 2013): de R-pakketten SCRT en SCMA; Wilbert, J., & Lüke, T.: het R-pakket scan. De toolkit reproduceert hun exacte p-waarden (vergeleken in de testsuite van het project).
- Parker, R. I., & Vannest, K. J. (2009) voor NAP; Pustejovsky, J. E. (2018) voor log response ratios; Ferron, J., & Onghena, P. (1996) voor onderscheidend vermogen bij AR(1)-fouten.

**De data in delen 2–4 zijn geconstrueerd** (gesimuleerd met een seed). Ze bootsen de *vorm* van de designs van de Jong na: dagelijkse scores voor bewegingsangst van 0 tot 10, waarbij verbetering een daling is. Het zijn niet de data van de artikelen. Deel 1 gebruikt de gepubliceerde hypothetische ABAB-reeks van Onghena (1992). Met de standaardinstellingen toont deel 1 de getallen van SCRT: 165 toewijzingen, geobserveerd PA−PB = 2, **exacte p = 4/165 = 0,0242**.`,
    "md.s1": `## 1. Een referentieresultaat: de ABAB-data van Onghena (SCRT)

Vierentwintig metingen in een ABAB-design met minstens 4 metingen per fase geven C(24 − 16 + 3, 3) = 165 manieren om de drie faseovergangen te plaatsen. De exacte p-waarde is het aandeel van die 165 toewijzingen waarvan de statistiek minstens zo groot is als de geobserveerde; de geobserveerde toewijzing is er één van. Grote waarden tellen als bewijs, dus de richting hoort bij de naam van de statistiek. PA−PB is het gemiddelde van de A-fasegemiddelden min het gemiddelde van de B-fasegemiddelden (de gepoolde-fasestatistiek van SCRT). A−B zet alle A-metingen tegen alle B-metingen.`,
    "input.statistic": "Teststatistiek",
    "s1.assignments": "toewijzingen",
    "s1.observed": "geobserveerd {statistic}",
    "s1.atLeast": "toewijzingen met statistiek ≥ geobserveerd",
    "s1.p": "exacte p",
    "s1.notInFixture": "(niet in de referentiewaarden)",
    "s1.toolkit": "deze toolkit",
    "s1.quantity": "grootheid",
    "md.s2": `## 2. Een ABCD-design herhaald over drie patiënten (geconstrueerde data)

Elke patiënt scoorde 35 dagen lang dagelijks bewegingsangst: een baseline (A), dan drie opeenvolgende interventiefasen (B, C, D), elk minstens 5 dagen. De drie fasestarts zijn willekeurig getrokken uit de C(35 − 20 + 3, 3) = 816 toegestane drietallen. Elke patiënt wordt apart getest. In een sequentieel gerepliceerd design worden de p-waarden daarna gecombineerd. De additieve methode van Edgington (de som van de p-waarden, afgezet tegen de exacte Irwin–Hall-verdeling) is de standaard van SCMA. Ontbrekende scores (lege cellen) houden hun dag: ze tellen mee voor de faselengtes, en de gemiddelden gebruiken alleen de geobserveerde scores.`,
    "input.compare": "Statistiek (verbetering = daling)",
    "ylabel.fear": "bewegingsangst (0–10)",
    "ylabel.value": "waarde",
    "col.patient": "patiënt",
    "col.starts": "B, C, D starten op dag",
    "col.assignments": "toewijzingen",
    "col.observedStat": "geobserveerd {statistic}",
    "col.atLeast": "≥ geobserveerd",
    "col.exactP": "exacte p",
    "col.missingDays": "ontbrekende dagen",
    "col.combined": "gecombineerd over patiënten",
    "col.statistic": "statistiek",
    "col.combinedP": "gecombineerde p",
    "col.vs": "A vs {last}",
    "col.ci": "{name} [95%-BI]",
    "md.es":
      `Effectgroottes worden precies zo berekend als het R-pakket SingleCaseES doet, zo gericht dat **positief verbetering betekent** (hier: minder angst). NAP is het aandeel (A, fase)-paren waarin de latere dag lager is (gelijke waarden tellen ½); Tau = 2·NAP − 1; Tau-BC (Tarlow 2017) haalt eerst een lineaire trend in de baseline weg (Theil–Sen), zodat een baseline die al verbeterde niet als behandeleffect telt; PND en PEM zijn aandelen behandeldagen voorbij de beste baselinedag of de baselinemediaan; LRRi is de voor bias gecorrigeerde log response ratio van Pustejovsky; SMD is het gestandaardiseerde gemiddelde verschil binnen de casus met de SD van de baseline en de correctie van Hedges. **Hun standaardfouten en intervallen gaan uit van onafhankelijke dagen**: bij autocorrelatie in dagboeken zijn ze te smal. De SMD binnen de casus staat op een schaal binnen de persoon en is niet te vergelijken met de SMD van een RCT; deel 5 geeft daarvoor de met designs vergelijkbare g_AB.

## 3. Multiple baseline over vier deelnemers (geconstrueerde data)

Vier deelnemers starten de interventie op verschillende, gerandomiseerde dagen. De drie gepubliceerde randomisatieschema's verschillen in wat er gerandomiseerd is. **Koehler–Levin** wijst deelnemers willekeurig toe aan lagen en trekt de start van elke laag uit een eigen verzameling: hier 4! × 3⁴ = 1.944 toewijzingen. **Marascuilo–Busk** trekt per deelnemer een onafhankelijke start, hier uit dag 6–25 (limiet 5): 21⁴ = 194.481 toewijzingen. **Wampold–Worsham** legt de starts van de lagen vast en randomiseert alleen de volgorde van de deelnemers: 4! = 24 toewijzingen, dus p kan nooit onder 1/24 komen. De statistiek is het gemiddelde, over deelnemers, van ieders A−B. Een Monte-Carlotest trekt 10.000 toewijzingen uit de stroom die de **seed** hieronder vastlegt; die seed bepaalt ook de simulatie van het onderscheidend vermogen in deel 4: dezelfde seed geeft altijd dezelfde p-waarden en hetzelfde vermogen.`,
    "input.scheme": "Schema",
    "input.mbdMethod": "Test",
    "mbd.exact": "exact",
    "mbd.mc": "Monte Carlo (10.000 trekkingen)",
    "input.seed": "Seed (Monte Carlo en onderscheidend vermogen)",
    "col.design": "design",
    "col.observedMean": "geobserveerd gemiddelde A−B",
    "col.drawsAtLeast": "trekkingen ≥ geobserveerd",
    "col.p": "p",
    "col.convention": "conventie",
    "md.s4": `## 4. Onderscheidend vermogen: hoeveel metingen, en hoe lange baseline?

Gesimuleerde angstscores volgen een AR(1)-proces: de fout van elke dag neemt een deel φ van de vorige dag mee. Vanaf de (gerandomiseerde) start van de behandeling daalt het niveau met *effect* standaarddeviaties van de dagelijkse ruis. Het onderscheidend vermogen is het aandeel gesimuleerde studies met p ≤ 0,05, met ±2 Monte-Carlo-standaardfouten. De bereiken uit de literatuur zijn 20–40 metingen, φ 0–0,6, effecten van 0–2 SD en een minimale faselengte van 3–5 (Ferron & Onghena 1996; Michiels et al. 2018).

Om de pagina vlot te houden gebruikt elk punt **200 gesimuleerde datasets**. Elke test is exact als het design hooguit 10.000 toewijzingen heeft (AB, ABAB); anders gebruikt hij **200 Monte-Carlotrekkingen** (het multiple-baselinedesign, onder **hetzelfde randomisatieschema als de test in deel 3**: Koehler–Levin deelt de toegestane starts op in één blok per laag, Wampold–Worsham legt één start per laag vast en heeft maar 4! = 24 toewijzingen). Met weinig toewijzingen kan een Monte-Carlo-p 1/#toewijzingen niet halen, dus daar wordt de exacte test gebruikt. Let op: een AB-design met 30 metingen en limiet 5 heeft maar 21 toewijzingen: de kleinst mogelijke p is 1/21 = 0,048.`,
    "input.powerDesign": "Design",
    "design.mbd": "MBD (4 deelnemers, het schema uit deel 3)",
    "input.nMeas": "Metingen (per deelnemer)",
    "input.minPhase": "Minimale faselengte",
    "input.phi": "Autocorrelatie φ",
    "input.effect": "Effect (SD)",
    "col.effect": "effect (SD)",
    "col.minP": "kleinste p",
    "col.test": "test",
    "col.power": "onderscheidend vermogen",
    "col.mcse": "MC-SE",
    "power.mbdNote":
      "Multiple baseline onder het schema {scheme} (zoals de test in deel 3; startverzamelingen per laag uit de toegestane starts). ",
    "power.note":
      "{points} punten × 200 datasets in {ms} ms ({assignments} toewijzingen per test; seed {seed}, punt i gebruikt deriveSeed(seed, i)).",
    "md.s5": `## 5. Uw eigen data: effectgroottes, g_AB en een interval uit de randomisatietest

Upload een CSV in lang formaat, of plak de tekst in het vak (geplakte tekst gaat voor het bestand zolang het vak niet leeg is). Kolommen: \`case\`, \`session\` (of \`measurement\`), \`phase\`, \`value\`, en optioneel \`outcome\` als het bestand meerdere maten bevat. Eén rij per meetmoment; een lege waarde of NA is een ontbrekende meting. Het eerste faselabel in het bestand is de baseline, het volgende de behandeling. Het scheidingsteken (\`,\` \`;\` of tab) en decimale komma's (Nederlandse Excel) worden herkend. Niets verlaat uw computer. Zonder bestand gebruikt de pagina het geconstrueerde multiple-baselinevoorbeeld van deel 3.

- **Effectgroottes binnen de casus** zoals SingleCaseES ze berekent (NAP, Tau, Tau-BC, Tau-U, PND, PEM, PAND, IRD, LRRi, LRRd, LOR, SMD, LRM). Hun standaardfouten en intervallen **gaan uit van onafhankelijke metingen binnen een fase**; bij positieve autocorrelatie zijn ze te smal. Ze staan op een schaal binnen de persoon en kunnen niet met effectgroottes van RCT's gepoold worden.
- **g_AB**, de met designs vergelijkbare SMD tussen casussen (Hedges, Pustejovsky & Shadish 2012, 2013; \`calc_BCSMD\` van scdhlm): een hiërarchisch model geschat met REML met random intercepts per casus en standaard AR(1)-fouten. Het staat op de schaal van een SMD tussen groepen, dus het kan naast RCT's staan (deel 6). Er zijn minstens twee casussen nodig.
- **Interval uit de randomisatietest** voor een verschuiving (behandeling − baseline, op de schaal van de score; Michiels et al. 2017), alleen geldig als de startpunten gerandomiseerd zijn zoals hier aangenomen: één multiple-baselinetest over alle casussen (Marascuilo–Busk, elke start die de minimale faselengte overlaat), of één per casus voor een fasedesign.`,
    "input.file": "Uw data (CSV)",
    "input.paste": "… of plak ze",
    "input.usePasted": "Gebruik geplakte data",
    "input.improvement": "Verbetering is een",
    "improvement.decrease": "daling",
    "improvement.increase": "stijging",
    "input.ar1": "g_AB-model: AR(1)-fouten",
    "input.trend": "g_AB-model: random trend",
    "input.limit": "Randomisatieschema: minimale faselengte",
    "own.pasted": "geplakte data",
    "own.example": "mbd-fear-diary.csv (voorbeeld)",
    "own.failed": "{name} kon niet worden gebruikt:\n{error}\nEr staan geen resultaten op de pagina.",
    "own.ok":
      "Resultaten hieronder komen uit {name}: {rows} rijen, {cases} casussen{outcomes}; fasen {phases}{missing} (gelezen met {dialect}).",
    "own.outcomes": ", {k} uitkomsten",
    "own.missing": "; {k} ontbrekend",
    "what.plot": "Plot",
    "what.es": "Effectgroottes",
    "what.gab": "g_AB",
    "what.rtci": "Interval uit de randomisatietest",
    "col.case": "casus",
    "col.outcome": "uitkomst",
    "es.caption":
      "Effectgroottes binnen de casus (SingleCaseES), {baseline} vs {treatment}, verbetering = {improvement}: schatting {level}",
    "gab.caption":
      "Met designs vergelijkbare SMD g_AB (behandeling − baseline). Model: {description}. lme: fixed {fixed}; random {random}; correlation {correlation}.",
    "col.randomisation": "aangenomen randomisatie",
    "rt.mc": "Monte Carlo ({draws} trekkingen, seed {seed})",
    "col.shift": "verschuiving",
    "col.pNoShift": "p (geen verschuiving)",
    "rt.caption":
      "Interval uit de randomisatietest voor een additieve verschuiving (behandeling − baseline, op de schaal van de score); alleen geldig als de startpunten gerandomiseerd zijn zoals aangenomen.",
    "md.s6": `## 6. SCED-synthese: g_AB naast SMD's van RCT's in één forestplot

Omdat g_AB op de schaal van een SMD tussen groepen staat, kunnen single-case-studies met RCT's gepoold worden (het random-effectsmodel van de meta-analyse-engine, REML), en getoond in één forestplot **gestratificeerd naar design**, met een gepoolde schatting per design en over alles. Elke schatting is zo gedraaid dat positief een verbetering is.

**Voorbeelddata, geen echte synthese.** De vier single-case-studies zijn gepubliceerde datasets die met het R-pakket scdhlm worden meegeleverd: Laski et al. (1988, vocalisaties van kinderen), Saddler et al. (2008, schrijfkwaliteit), de vermoeidheidsdata van Schutte en Lambert et al. (2006, storend gedrag, ABAB). Ze meten verschillende dingen in verschillende vakgebieden; ze laten alleen de methode zien. **De vijf RCT's zijn gesimuleerd** (seed 2026): het zijn geen resultaten van enige trial. g_AB gebruikt hier het standaardmodel van scdhlm (random intercepts per casus, AR(1)-fouten, REML).`,
    "forest.mbd": "SCED: multiple baseline",
    "forest.reversal": "SCED: omkering (ABAB)",
    "favours.deterioration": "verslechtering",
    "favours.improvement": "verbetering",
    "forest.xlabel": "SMD (g_AB voor single-case-studies, Hedges' g voor RCT's)",
    "forest.summary": "Alle studies (RE, REML)",
    "forest.groupSummary": "{group} (gepoold)",
    "forest.study": "Studie",
    "forest.weight": "Gewicht",
    "forest.estimate": "Schatting [{level}-BI]",
    "mbd.participants": "({n} deelnemers)",
    "case.all": "alle casussen",
    "ci.level": "{level}-BI",
    "col.studies": "studies",
    "col.pooled": "gepoolde SMD",
    "col.ci95": "95%-BI",
    "difference":
      "Toets op een verschil tussen designs (gemeenschappelijke τ², mods = ~ design van metafor): QM = {qm} bij {df} df, {p}.",
    "md.conventions": `## Conventies en opmerkingen

- **Exacte p** = #(toewijzingen met statistiek ≥ geobserveerd − tol) / #toewijzingen; de geobserveerde toewijzing telt mee, dus p ≥ 1/#toewijzingen. **Monte-Carlo-p** = (k + 1)/(M + 1), nooit 0. Gelijke waarden worden beoordeeld met tol = 10⁻¹⁰ × max(1, |geobserveerd|).
- Richting: bij pijn en angst is verbetering een daling, dus de statistiek is A−B (baseline min behandeling). Voor een tweezijdige vraag: |A−B|.
- Ontbrekende metingen blijven op hun plaats en worden nooit weggelaten. Een fase zonder geobserveerde waarde maakt de statistiek ongedefinieerd; de toolkit geeft dan een foutmelding in plaats van NaN.
- Opdrachtregel: \`deno task sced data/sced/mbd-fear-diary.csv --design MBD --scheme koehler-levin --starts data/sced/mbd-starts-koehler-levin.csv --limit 5 --statistic A-B --exact\`; uw eigen bestand: \`deno task sced <data.csv> --effect-sizes\`, \`--bcsmd [--ar1|--ma1|--iid] [--random-trend]\`, \`--rt-ci\`.`,
  },
  en: {
    "plot.statistic": "statistic",
    "plot.observed": "observed",
    "plot.of": "of",
    "plot.assignments": "assignments",
    "plot.below": "< observed",
    "plot.atLeast": "≥ observed",
    "plot.effect": "effect (SD units)",
    "plot.power": "power",
    "axis.measurement": "measurement",
    "md.intro": `# Single-case randomisation tests

**Did the treatment change this patient's scores, when there is no control group?** In a single-case experimental design (SCED) the patient is their own control: the start of each treatment phase is chosen *at random* from the admissible start points before the study begins, so a randomisation test can ask how unusual the observed difference is among all the start points that could have been drawn. The VRA's objection to the Zorginstituut's draft position (2025, chapter 3, section "SCED"; the SCED articles in section 4a) puts such designs forward as evidence for a PIO without a comparison group.

This notebook reproduces a published reference result, then runs the tests on data shaped like de Jong's designs: an ABCD phase design replicated over patients, and a multiple baseline across participants. It combines the p-values across patients, reports effect sizes, and shows how power depends on the design. Section 5 takes your own data file (effect sizes, the design-comparable g_AB and a randomisation-test interval); section 6 puts single-case studies and RCTs on one scale in one forest plot.

Sources:

- de Jong et al. (2005): a single-case ABCD design with a random start of the intervention (exposure in vivo, EXP) in 8 patients with CRPS-I; ref. (25) in the SCED table of the VRA objection (section 4a).
- de Jong et al. (2008): a sequential replicated crossover single-case experimental phase design (graded activity versus EXP) in 8 patients with whiplash-associated disorder, ref. (23).
- de Jong et al. (2021): a sequential randomised and replicated single-case experimental phase design with multiple measurements in 14 patients with work-related upper extremity pain, ref. (24).
- Onghena, P. (1992). Randomization tests for extensions and variations of ABAB single-case experimental designs: a rejoinder. *Behavioral Assessment*, 14, 153–171. (The hypothetical ABAB data.)
- Onghena, P., & Edgington, E. S. (2005). Customization of pain treatments: single-case design and analysis. *Clinical Journal of Pain*, 21, 56–68.
- Bulté, I., & Onghena, P. (2008, 2009, 2013): the R packages SCRT and SCMA; Wilbert, J., & Lüke, T.: the R package scan. The toolkit reproduces their exact p-values (compared in the project's test suite).
- Parker, R. I., & Vannest, K. J. (2009) for NAP; Pustejovsky, J. E. (2018) for log response ratios; Ferron, J., & Onghena, P. (1996) for power under AR(1) errors.

**The data in sections 2–4 are constructed** (simulated with a seed). They mimic the *shape* of de Jong's designs: daily fear-of-movement ratings from 0 to 10, where improvement is a decrease. They are not the papers' data. Section 1 uses Onghena's (1992) published hypothetical ABAB series. With the default inputs, section 1 shows SCRT's numbers: 165 assignments, observed PA−PB = 2, **exact p = 4/165 = 0.0242**.`,
    "md.s1": `## 1. A reference result: Onghena's ABAB data (SCRT)

Twenty-four measurements in an ABAB design with at least 4 measurements per phase allow C(24 − 16 + 3, 3) = 165 ways to place the three phase changes. The exact p-value is the share of those 165 assignments whose statistic is at least the observed one; the observed assignment is one of them. Large values count as evidence, so the direction is part of the statistic's name. PA−PB is the mean of the A-phase means minus the mean of the B-phase means (SCRT's pooled-phase statistic). A−B pools all A measurements against all B measurements.`,
    "input.statistic": "Test statistic",
    "s1.assignments": "assignments",
    "s1.observed": "observed {statistic}",
    "s1.atLeast": "assignments with statistic ≥ observed",
    "s1.p": "exact p",
    "s1.notInFixture": "(not in the reference values)",
    "s1.toolkit": "this toolkit",
    "s1.quantity": "quantity",
    "md.s2": `## 2. An ABCD design replicated over three patients (constructed data)

Each patient rated fear of movement daily for 35 days: a baseline (A), then three successive intervention phases (B, C, D), each at least 5 days long. The three phase starts were drawn at random from the C(35 − 20 + 3, 3) = 816 admissible triples. Each patient is tested on their own. In a sequential replicated design, the p-values are then combined. Edgington's additive method (the sum of the p-values, referred to the exact Irwin–Hall distribution) is SCMA's default. Missing ratings (empty cells) keep their day: they count towards the phase lengths, and the means use only the observed ratings.`,
    "input.compare": "Statistic (improvement = decrease)",
    "ylabel.fear": "fear of movement (0–10)",
    "ylabel.value": "value",
    "col.patient": "patient",
    "col.starts": "B, C, D start on day",
    "col.assignments": "assignments",
    "col.observedStat": "observed {statistic}",
    "col.atLeast": "≥ observed",
    "col.exactP": "exact p",
    "col.missingDays": "missing days",
    "col.combined": "combined over patients",
    "col.statistic": "statistic",
    "col.combinedP": "combined p",
    "col.vs": "A vs {last}",
    "col.ci": "{name} [95% CI]",
    "md.es":
      `Effect sizes are computed exactly as the R package SingleCaseES does, oriented so that **positive means improvement** (here, lower fear). NAP is the share of (A, phase) pairs where the later day is lower (ties count ½); Tau = 2·NAP − 1; Tau-BC (Tarlow 2017) first removes a linear baseline trend (Theil–Sen), so a baseline that was already improving does not count as a treatment effect; PND and PEM are proportions of treatment days beyond the best baseline day or the baseline median; LRRi is Pustejovsky's bias-corrected log response ratio; SMD is the within-case standardised mean difference with the baseline SD and Hedges' correction. **Their standard errors and intervals assume independent days**: with autocorrelated diaries they are too narrow. The within-case SMD is on a within-person scale and cannot be compared with an RCT's SMD; section 5 gives the design-comparable g_AB for that.

## 3. Multiple baseline across four participants (constructed data)

Four participants start the intervention at different, randomised days. The three published randomisation schemes differ in what was randomised. **Koehler–Levin** assigns participants at random to tiers and draws each tier's start from its own set: 4! × 3⁴ = 1,944 assignments here. **Marascuilo–Busk** draws an independent start per participant, here from days 6–25 (limit 5): 21⁴ = 194,481 assignments. **Wampold–Worsham** fixes the tier starts and randomises only the order of participants: 4! = 24 assignments, so p can never be below 1/24. The statistic is the mean, over participants, of each participant's A−B. A Monte Carlo test draws 10,000 assignments from the seeded stream set by the **seed** input, which also seeds the power simulation in section 4: the same seed always gives the same p-values and power.`,
    "input.scheme": "Scheme",
    "input.mbdMethod": "Test",
    "mbd.exact": "exact",
    "mbd.mc": "Monte Carlo (10,000 draws)",
    "input.seed": "Seed (Monte Carlo and power)",
    "col.design": "design",
    "col.observedMean": "observed mean A−B",
    "col.drawsAtLeast": "draws ≥ observed",
    "col.p": "p",
    "col.convention": "convention",
    "md.s4": `## 4. Power: how many measurements, and how long a baseline?

Simulated fear ratings follow an AR(1) process: each day's error carries over a share φ of the day before. From the (randomised) start of treatment the level drops by *effect* standard deviations of the daily noise. Power is the share of simulated studies with p ≤ 0.05, shown with ±2 Monte Carlo standard errors. The literature's ranges are 20–40 measurements, φ 0–0.6, effects of 0–2 SD and a minimum phase length of 3–5 (Ferron & Onghena 1996; Michiels et al. 2018).

To keep the page live, each point uses **200 simulated data sets**. Each test is exact when the design has at most 10,000 assignments (AB, ABAB); otherwise it uses **200 Monte Carlo draws** (the multiple-baseline design, under the **same randomisation scheme as the test in section 3**: Koehler–Levin cuts the admissible starts into one block per tier, Wampold–Worsham fixes one start per tier and has only 4! = 24 assignments). With few assignments, a Monte Carlo p cannot reach 1/#assignments, so the exact test is used there. Note that an AB design with 30 measurements and limit 5 has only 21 assignments: the smallest possible p is 1/21 = 0.048.`,
    "input.powerDesign": "Design",
    "design.mbd": "MBD (4 participants, the scheme chosen in section 3)",
    "input.nMeas": "Measurements (per participant)",
    "input.minPhase": "Minimum phase length",
    "input.phi": "Autocorrelation φ",
    "input.effect": "Effect (SD)",
    "col.effect": "effect (SD)",
    "col.minP": "smallest p",
    "col.test": "test",
    "col.power": "power",
    "col.mcse": "MC SE",
    "power.mbdNote":
      "Multiple baseline under the {scheme} scheme (as the test in section 3; tier start sets cut from the admissible starts). ",
    "power.note":
      "{points} points × 200 data sets in {ms} ms ({assignments} assignments per test; seed {seed}, point i uses deriveSeed(seed, i)).",
    "md.s5": `## 5. Your own data: effect sizes, g_AB and a randomisation-test interval

Upload a long-format CSV, or paste it in the box (pasted text is used instead of the file while the box is not empty). Columns: \`case\`, \`session\` (or \`measurement\`), \`phase\`, \`value\`, and optionally \`outcome\` when the file holds several measures. One row per measurement occasion; an empty value or NA is a missing measurement. The first phase label in the file is the baseline, the next one the treatment. The separator (\`,\` \`;\` or tab) and decimal commas (Dutch Excel) are detected. Nothing leaves your computer. Without a file the page uses the constructed multiple-baseline example of section 3.

- **Within-case effect sizes** as SingleCaseES computes them (NAP, Tau, Tau-BC, Tau-U, PND, PEM, PAND, IRD, LRRi, LRRd, LOR, SMD, LRM). Their standard errors and intervals **assume independent measurements within a phase**; with positive autocorrelation they are too narrow. They are on a within-person scale and cannot be pooled with RCT effect sizes.
- **g_AB**, the design-comparable between-case SMD (Hedges, Pustejovsky & Shadish 2012, 2013; scdhlm's \`calc_BCSMD\`): a hierarchical model fitted by REML with random case intercepts and, by default, AR(1) errors. It is on the scale of a between-group SMD, so it can sit beside RCTs (section 6). It needs at least two cases.
- **Randomisation-test interval** for a shift (treatment − baseline, on the score's scale; Michiels et al. 2017), valid only if the start points were randomised as assumed here: one multiple-baseline test over every case (Marascuilo–Busk, every start that leaves the minimum phase length), or one per case for a phase design.`,
    "input.file": "Your data (CSV)",
    "input.paste": "… or paste it",
    "input.usePasted": "Use pasted data",
    "input.improvement": "Improvement is a",
    "improvement.decrease": "decrease",
    "improvement.increase": "increase",
    "input.ar1": "g_AB model: AR(1) errors",
    "input.trend": "g_AB model: random trend",
    "input.limit": "Randomisation scheme: minimum phase length",
    "own.pasted": "pasted data",
    "own.example": "mbd-fear-diary.csv (example)",
    "own.failed": "Could not use {name}:\n{error}\nNo results are shown.",
    "own.ok":
      "Results below are from {name}: {rows} rows, {cases} cases{outcomes}; phases {phases}{missing} (read with {dialect}).",
    "own.outcomes": ", {k} outcomes",
    "own.missing": "; {k} missing",
    "what.plot": "Plot",
    "what.es": "Effect sizes",
    "what.gab": "g_AB",
    "what.rtci": "Randomisation-test interval",
    "col.case": "case",
    "col.outcome": "outcome",
    "es.caption":
      "Within-case effect sizes (SingleCaseES), {baseline} vs {treatment}, improvement = {improvement}: estimate {level}",
    "gab.caption":
      "Design-comparable SMD g_AB (treatment − baseline). Model: {description}. lme: fixed {fixed}; random {random}; correlation {correlation}.",
    "col.randomisation": "assumed randomisation",
    "rt.mc": "Monte Carlo ({draws} draws, seed {seed})",
    "col.shift": "shift",
    "col.pNoShift": "p (no shift)",
    "rt.caption":
      "Randomisation-test interval for an additive shift (treatment − baseline, on the score's scale); valid only if the start points were randomised as assumed.",
    "md.s6": `## 6. SCED synthesis: g_AB beside RCT SMDs in one forest plot

Because g_AB is on the scale of a between-group SMD, single-case studies can be pooled with RCTs (the meta-analysis engine's random-effects model, REML), and shown in one forest plot **stratified by design**, with a pooled estimate per design and overall. Every estimate is turned so that positive is an improvement.

**Example data, not a real synthesis.** The four single-case studies are published data sets distributed with the R package scdhlm: Laski et al. (1988, child vocalisations), Saddler et al. (2008, writing quality), the Schutte fatigue data and Lambert et al. (2006, disruptive behaviour, ABAB). They measure different things in different fields; they only show the method. **The five RCTs are simulated** (seed 2026): they are not results of any trial. g_AB here uses scdhlm's default model (random case intercepts, AR(1) errors, REML).`,
    "forest.mbd": "SCED: multiple baseline",
    "forest.reversal": "SCED: treatment reversal",
    "favours.deterioration": "deterioration",
    "favours.improvement": "improvement",
    "forest.xlabel": "SMD (g_AB for single-case studies, Hedges' g for RCTs)",
    "forest.summary": "All studies (RE, REML)",
    "forest.groupSummary": "{group} (pooled)",
    "forest.study": "Study",
    "forest.weight": "Weight",
    "forest.estimate": "Estimate [{level} CI]",
    "mbd.participants": "({n} participants)",
    "case.all": "all cases",
    "ci.level": "{level} CI",
    "col.studies": "studies",
    "col.pooled": "pooled SMD",
    "col.ci95": "95% CI",
    "difference":
      "Test of a difference between designs (common τ², metafor's mods = ~ design): QM = {qm} on {df} df, {p}.",
    "md.conventions": `## Conventions and notes

- **Exact p** = #(assignments with a statistic ≥ observed − tol) / #assignments; the observed assignment is included, so p ≥ 1/#assignments. **Monte Carlo p** = (k + 1)/(M + 1), which is never 0. Ties are judged with tol = 10⁻¹⁰ × max(1, |observed|).
- Direction: for pain and fear, improvement is a decrease, so the statistic is A−B (baseline minus treatment). For a two-sided question use |A−B|.
- Missing measurements are kept in place, never dropped. A phase with no observed value makes the statistic undefined, and the toolkit raises an error rather than return NaN.
- Command line: \`deno task sced data/sced/mbd-fear-diary.csv --design MBD --scheme koehler-levin --starts data/sced/mbd-starts-koehler-levin.csv --limit 5 --statistic A-B --exact\`; your own file: \`deno task sced <data.csv> --effect-sizes\`, \`--bcsmd [--ar1|--ma1|--iid] [--random-trend]\`, \`--rt-ci\`.`,
  },
};
