/**
 * Texts of the meta-analysis notebook (inputs, messages, table headings, plot labels) in Dutch
 * and English.
 * @module
 */
import type { Dictionary } from "../i18n.ts";

/** The meta-analysis notebook's dictionary. */
export const META_ANALYSIS: Dictionary = {
  en: {
    "md.intro": `# Meta-analysis of pre-post data

**How large is the average change from before to after treatment, pooled over single-group studies, and how much do that answer and its heterogeneity depend on choices that a published table rarely shows?** Those choices are the standardiser of the change (SMCC or SMCR), the correlation *r* between pre- and post-test scores (hardly ever reported), the estimator of the between-study variance τ², and which of two I² definitions is reported.

The question matters for the evidence in this project's seed documents. The VRA's objection to the Zorginstituut's draft position (VRA, *Bezwaar op het conceptstandpunt IMSR bij chronische pijn*, 2025, section 4c, the review table of pre-post effect sizes) summarises the update of the Elbers (2022) review as a table of **standardised mean changes (SMC)** per outcome domain, with median, range, Cochran's Q (df) and I². This notebook recomputes such a synthesis step by step on open example data. Then you can run it on your own data.

Sources:

- Morris, S. B. (2008). Estimating effect sizes from pretest-posttest-control group designs. *Organizational Research Methods*, 11(2), 364–386. The example data (five studies) come from it.
- Becker, B. J. (1988). Synthesizing standardized mean-change measures. *British Journal of Mathematical and Statistical Psychology*, 41, 257–278. It gives the SMCR and its sampling variance.
- Viechtbauer, W. (2010). Conducting meta-analyses in R with the metafor package. *Journal of Statistical Software*, 36(3). The toolkit's \`escalc\` and \`rma\` follow metafor's definitions and are tested against metafor 3.8.1.
- Higgins, J. P. T., & Thompson, S. G. (2002). Quantifying heterogeneity in a meta-analysis. *Statistics in Medicine*, 21, 1539–1558. This is where the Q-based I² comes from.
- The seed's review table of SMCs (see above), for the two I² definitions.

With the default inputs the numbers are metafor's: the SMCR with the reported *r*, a REML fit and a z test give **0.9121 [0.3512, 1.4730]**, τ² = 0.3164, I² = 81.47 % (\`rma(yi, vi, method = "REML")\` on \`escalc("SMCR", m1i = m_post, m2i = m_pre, sd1i = sd_pre, ni, ri)\`).`,
    "md.choices": `## The choices

A pre-post study gives, per group, the mean and SD before (\`m_pre\`, \`sd_pre\`) and after (\`m_post\`, \`sd_post\`) treatment, the number of patients \`ni\`, and sometimes the correlation \`ri\` between the two measurements. There are three ways to turn that into an effect size:

- **MC**, the raw mean change \`m_post − m_pre\`. It is only comparable between studies that used the same instrument.
- **SMCC**, the change standardised by the **SD of the change scores**, sqrt(sd_pre² + sd_post² − 2·r·sd_pre·sd_post), with Hedges' small-sample correction. The more strongly pre and post correlate, the smaller that SD and the **larger** the SMCC. Its size therefore depends directly on *r*.
- **SMCR**, the change standardised by the **pre-test SD** ("raw-score" metric, Becker 1988). It is on the same scale as a between-group SMD. Here *r* enters only its variance, 2(1 − r)/n + SMCR²/(2n).

Change the inputs below. Every table and plot further down follows them.`,
    "md.data": `## The data

By default these are Morris's (2008) five studies (the file \`prepost-example.csv\` of this project's \`data/examples/\` folder; higher scores are better). To analyse your own studies, upload or paste a CSV in the section *Your own data* at the end. Everything on this page then follows your data.`,
    "md.pooled": `## The pooled estimate`,
    "md.i2": `## Two I²s

"I²" names two different quantities, and tables seldom say which one they report:

- **Higgins & Thompson's I²** is computed from Cochran's Q alone: I² = (Q − df)/Q, truncated at 0. It is the same whatever τ² estimator you choose.
- **metafor's I²** (what \`rma()\` prints) is τ²/(τ² + ṽ), where ṽ is a "typical" within-study variance. It follows the τ² estimator: FE and DL give the Q-based value, REML, PM and the others do not. Its confidence interval comes from the Q-profile interval for τ².

Change the τ² estimator above: the left column moves and the right one stays.`,
    "md.seedI2":
      `The seed's review table reports Q (df) and I² per outcome domain (pre-post columns of the review table in section 4c of the VRA objection). If its I² were Higgins & Thompson's, it would equal (Q − df)/Q. It does not: for pain interference (Q = 1842.21, df = 43) the Q-based value is 97.67 %, and the table reports 96.14 %. For health-related quality of life the table reports 99.81 %, and the Q-based value is 98.43 %. The difference goes both ways. That fits a τ²-based I² from a random-effects fit (metafor's default), which depends on the studies' variances and cannot be recomputed from Q and df alone. The review does not say which I² it used.`,
    "md.forest": `## Forest plot

Each square is one study's effect size with its 95% CI (yi ± 1.96·√vi). Its area is proportional to the study's weight in the chosen model. The diamond is the pooled estimate and its CI. The bar under it is the 95% prediction interval: where the true effect of a new, similar study is expected to lie. With heterogeneous studies it is much wider than the CI. If your data have a column \`rob\` with each study's overall risk of bias (Low, Some concerns, High, No information or Not assessed), a coloured dot next to each label shows it, in the colours of robvis.`,
    "md.funnel": `## Funnel plot

Effect sizes against their standard errors, with the most precise studies at the top. Without small-study effects the points scatter symmetrically inside the funnel: the pseudo-confidence regions β ± z·SE at 90, 95 and 99%. Trim-and-fill imputes the studies that would make the funnel symmetric (hollow points) and re-estimates (dashed line). With five studies a funnel plot shows little. It is here so that you can read it for your own, larger sets of studies.`,
    "md.r": `## How much does r matter?

The pre-post correlation is rarely reported, so meta-analysts assume one. The usual values are 0.5, or 0.3 and 0.7 as bounds. The table repeats the analysis with the same *r* for every study (your estimator and test) with \`analyseStudies(..., { rGrid })\` from \`lib/meta/mod.ts\` (which runs \`rSensitivity()\`). The first row of each measure uses the reported *r*. The SMCC grows with *r*, because its standardiser shrinks. The SMCR hardly moves, because *r* enters only its variance, and with it the weights and τ².`,
    "md.estimators": `## All τ² estimators on these data

With few studies the estimators disagree, and so do the CIs built on them. The row of the estimator chosen above is highlighted. Knapp-Hartung CIs (choose "Knapp-Hartung t" above) are wider and hold their coverage better when k is small.`,
    "md.perStudy": `## Per-study effect sizes`,
    "md.own": `## Your own data

Upload a CSV file or paste CSV text and press *Analyse*. Then say, right under the upload, whether a lower or a higher score means improvement in your data: nothing is analysed until you do. The file wins if you give both. To go back to the example, empty the text box and press *Analyse* again, or reload the page. Use one of these column sets (one row per study; \`study\` is optional everywhere):

- \`m_pre, m_post, sd_pre, sd_post, ni, ri\`, like the example. \`sd_post\` may be empty for SMCR, and an empty \`ri\` takes the slider's r.
- metafor's \`m1i, m2i, sd1i, sd2i, ni, ri\`, passed to \`escalc\` as they are: yi is based on \`m1i − m2i\`, and SMCR standardises by \`sd1i\`.
- \`yi, vi\`, effect sizes and sampling variances you computed yourself. The effect-size and r inputs then do not apply.

Comma-, semicolon- and tab-separated files are read, also with a decimal comma (as Dutch Excel saves them). Nothing leaves your browser. Errors (a missing column, a negative SD, r outside [−1, 1]) are shown with their row (1-based, as in the file) and column.`,
    "md.notes": `## Notes

- Sign: metafor takes \`m1i − m2i\` = post − pre. If a lower score means improvement (pain, disability), choose "a lower score" under the upload. The effect sizes are then multiplied by −1, so that improvement is positive. The forest plot's direction labels assume this.
- Study CIs in the forest plot are yi ± 1.96·√vi whatever the test, as in metafor's \`forest()\`. The diamond uses the model's own CI (z or Knapp-Hartung).
- Every number on this page comes from \`analyseStudies\` in \`lib/meta/mod.ts\`, the same function that \`deno task meta\` runs (escalc, rma, confint, trim-and-fill, rSensitivity), tested against metafor 3.8.1. The plots are \`forestPlot\` and \`funnelPlot\` from \`lib/plot/mod.ts\`.`,
    "input.measure": "Effect size",
    "measure.SMCR": "SMCR: standardised by the pre-test SD",
    "measure.SMCC": "SMCC: standardised by the SD of the change",
    "measure.MC": "MC: raw mean change",
    "input.rMode": "Pre-post correlation r",
    "rMode.reported": "as reported per study (missing: the slider)",
    "rMode.common": "the slider's r for every study",
    "input.r": "r (assumed)",
    "r.unused":
      "The slider is off: every study reports its r, and r enters only where it is missing. Choose “the slider's r for every study” to use it.",
    "r.notApplicable": "The slider is off: your data give yi and vi, so r does not enter.",
    "input.method": "τ² estimator",
    "input.test": "Test and CI",
    "test.z": "Wald z",
    "test.knha": "Knapp-Hartung t",
    "input.improvement": "In these data, improvement is",
    "improvement.increase": "a higher score",
    "improvement.decrease": "a lower score (pain, disability)",
    "direction.ask":
      "Check the direction: in {name}, do lower or higher scores mean improvement? Choose one here; nothing is analysed until you do.",
    "direction.confirmed.increase":
      "You chose: a higher score in {name} means improvement. Improvement is positive in every table and plot.",
    "direction.confirmed.decrease":
      "You chose: a lower score in {name} means improvement (the effect sizes are multiplied by −1, so improvement is positive in every table and plot).",
    "direction.example": "The example data: a higher score means improvement.",
    "needs.direction":
      "No results yet: confirm next to the upload whether lower or higher scores mean improvement in {name}.",
    "upload.label": "Upload a CSV",
    "paste.label": "…or paste CSV",
    "paste.submit": "Analyse",
    "pasted": "pasted CSV",
    "data.failed": "{name} could not be analysed, so no results are shown: {error}",
    "data.example": "Analysing the example data ({k} studies).",
    "data.user": "Analysing {name} ({k} studies, columns in the “{vocabulary}” form; {dialect}).",
    "pooled.failed": "No results: {error}",
    "failed.short": "No {what}: the analysis of {name} failed (see the message under “The data”).",
    "what.het": "heterogeneity statistics",
    "what.forest": "forest plot",
    "what.funnel": "funnel plot",
    "what.estimators": "estimator comparison",
    "what.effects": "effect sizes",
    "what.r": "r sensitivity",
    "what.influence": "influence diagnostics",
    "rob.label": "RoB",
    "rob.low": "Low",
    "rob.some": "Some concerns",
    "rob.high": "High",
    "rob.noinfo": "No information",
    "rob.notassessed": "Not assessed",
    "rob.bad": "The risk-of-bias column {column} is not drawn: {error}",
    "what.baujat": "Baujat plot",
    "what.cumul": "cumulative meta-analysis",
    "diag.failed": "No {what}: {error}",
    "influence.none": "No study is influential by metafor's rules.",
    "influence.some": "{n} study/studies marked * (highlighted) are influential by metafor's rules.",
    "col.inf": "influential",
    "col.weightPct": "weight (%)",
    "cumul.byYear": "Studies are added in order of the column {column}.",
    "cumul.byRow": "The data have no year column: studies are added in the order of the rows.",
    "cumul.xlabel": "Pooled {label} (cumulative) with 95% CI",
    "md.influence": `## Influential studies

Does one study drive the result? For each study the table shows metafor's \`influence()\` diagnostics from refitting the model without it: the externally studentised residual (rstudent), DFFITS, Cook's distance, the covariance ratio, τ² and Q without the study, the hat value, its weight and DFBETAS. A study is marked * when it is influential by metafor's rules (any of |DFFITS| > 3√(p/(k−p)), a Cook's distance above the median of χ² with p df, a hat value above 3p/k, |DFBETAS| > 1). With five studies every study carries much weight, so read the flags as a reason to look, not to drop.`,
    "md.baujat": `## Baujat plot

Each study's contribution to the heterogeneity (its squared Pearson residual in Q, x-axis) against its influence on the pooled estimate (the squared change of the estimate when it is left out, scaled by its variance, y-axis), as metafor's \`baujat()\`. Studies at the top right both make the studies heterogeneous and move the result.`,
    "md.cumul": `## Cumulative meta-analysis

The pooled estimate and its CI as the studies are added one by one (metafor's \`cumul()\`): in order of publication when the data have a year column, otherwise in the order of the rows. It shows whether the answer was already stable early or swung with later studies.`,
    "own.none": "No data of your own yet: the page shows the example data.",
    "own.failed": "Your data ({name}) could not be analysed, and the results of earlier data were removed:\n{error}",
    "own.ok": "Read {k} studies from {name} ({dialect}). Every result on this page comes from them.",
    "pooled": "Pooled {label} (β)",
    "model.fe": "fixed-effect model, {method}",
    "model.re": "random-effects model, {method}",
    "col.value": "value",
    "tau.note": "SD of the true effects",
    "pi.fe": "no τ²: the FE model predicts no spread",
    "pi.re": "where a new study's true effect is expected",
    "favours.deterioration": "deterioration",
    "favours.improvement": "improvement",
    "method.FE": "FE: fixed (equal) effects, τ² = 0",
    "method.DL": "DL: DerSimonian-Laird",
    "method.HE": "HE: Hedges",
    "method.HS": "HS: Hunter-Schmidt",
    "method.SJ": "SJ: Sidik-Jonkman",
    "method.ML": "ML: maximum likelihood",
    "method.REML": "REML: restricted maximum likelihood",
    "method.EB": "EB: empirical Bayes",
    "method.PM": "PM: Paule-Mandel",
    "ci.level": "{level} CI",
    "pi.level": "{level} prediction interval",
    "ci.qprofile": "{level} CI (Q-profile)",
    "col.ci95": "95% CI",
    "col.pi95": "95% PI",
    "col.pooledPlain": "pooled",
    "r.reportedShort": "reported",
    "side.left": "left",
    "side.right": "right",
    "funnel.ylabel": "Standard error",
    "baujat.xlabel": "Contribution to overall heterogeneity →",
    "baujat.ylabel": "↑ Influence on overall result",
    "outcome.Health-related quality of life": "Health-related quality of life",
    "outcome.Pain interference": "Pain interference",
    "outcome.Physical function": "Physical function",
    "outcome.Depression": "Depression",
    "outcome.Anxiety": "Anxiety",
    "outcome.Emotional functioning": "Emotional functioning",
    "outcome.Self-efficacy": "Self-efficacy",
    "outcome.Social functioning": "Social functioning",
    "outcome.Pain intensity": "Pain intensity",
    "forest.study": "Study",
    "forest.weight": "Weight",
    "forest.estimate": "Estimate [{level} CI]",
    "forest.summary.re": "RE model ({method})",
    "forest.summary.fe": "FE model",
    "xlabel.yi": "Effect size (yi)",
    "xlabel.raw": "(raw units)",
    "trimfill.toggle": "Trim-and-fill (Duval & Tweedie, L0)",
    "trimfill.none": "Trim-and-fill estimates no missing studies (k0 = 0, side: {side}): the estimate stays {beta}.",
    "trimfill.some":
      "Trim-and-fill imputes {k0} study/studies on the {side} (hollow points). The filled-in estimate is {beta} {ci} (dashed line), against {observed} observed. It is a sensitivity analysis, not a correction: with few or heterogeneous studies, asymmetry has many causes besides publication bias.",
    "trimfill.failed": "Trim-and-fill could not be run.",
    "r.gen": "Your data give yi and vi directly, so r does not enter (it is already in your vi).",
    "r.curve.gen": "No r curve: effect sizes given as yi and vi.",
    "r.axis": "pre-post correlation r (same for every study)",
    "r.yaxis": "pooled estimate ({method}) with 95% CI",
    "col.measure": "measure",
    "col.pooled": "pooled ({method})",
    "col.estimator": "estimator",
    "col.study": "study",
    "col.row": "row",
    "col.weight": "weight (%, {method})",
    "col.outcome": "Outcome (pre-post)",
    "col.N": "N cohorts",
    "col.median": "median SMC",
    "col.I2reported": "I² reported (%)",
    "col.difference": "difference",
    "col.I2tau": "I² τ²-based (%)",
    "col.I2Q": "I² Q-based (%)",
    "het.tau": "τ²-based (metafor, {method})",
    "het.q": "Q-based (Higgins & Thompson)",
    "het.noci": "Q-profile CI not available (FE model or a single study).",
    "download.analysis": "the analysis",
  },
  nl: {
    "md.intro": `# Meta-analyse van voor-nametingen

**Hoe groot is de gemiddelde verandering van voor tot na de behandeling, gepoold over studies met één groep, en hoeveel hangen dat antwoord en de heterogeniteit af van keuzes die een gepubliceerde tabel zelden laat zien?** Die keuzes zijn de standaardisering van de verandering (SMCC of SMCR), de correlatie *r* tussen voor- en nameting (bijna nooit gerapporteerd), de schatter van de variantie tussen studies τ², en welke van twee definities van I² wordt gerapporteerd.

De vraag doet ertoe voor het bewijs in de brondocumenten van dit project. Het bezwaar van de VRA tegen het conceptstandpunt van het Zorginstituut (VRA, *Bezwaar op het conceptstandpunt IMSR bij chronische pijn*, 2025, paragraaf 4c, de reviewtabel met voor-na-effectgroottes) vat de update van de review van Elbers (2022) samen als een tabel met **gestandaardiseerde gemiddelde veranderingen (SMC)** per uitkomstdomein, met mediaan, spreiding, Cochrans Q (df) en I². Dit notebook rekent zo'n synthese stap voor stap na op open voorbeelddata. Daarna kunt u het op uw eigen data draaien.

Bronnen:

- Morris, S. B. (2008). Estimating effect sizes from pretest-posttest-control group designs. *Organizational Research Methods*, 11(2), 364–386. De voorbeelddata (vijf studies) komen hieruit.
- Becker, B. J. (1988). Synthesizing standardized mean-change measures. *British Journal of Mathematical and Statistical Psychology*, 41, 257–278. Hierin staan de SMCR en haar steekproefvariantie.
- Viechtbauer, W. (2010). Conducting meta-analyses in R with the metafor package. *Journal of Statistical Software*, 36(3). \`escalc\` en \`rma\` van de toolkit volgen de definities van metafor en zijn getoetst tegen metafor 3.8.1.
- Higgins, J. P. T., & Thompson, S. G. (2002). Quantifying heterogeneity in a meta-analysis. *Statistics in Medicine*, 21, 1539–1558. Hier komt de op Q gebaseerde I² vandaan.
- De reviewtabel met SMC's uit het bezwaar (zie hierboven), voor de twee definities van I².

Met de standaardinstellingen zijn de getallen die van metafor: de SMCR met de gerapporteerde *r*, een REML-fit en een z-toets geven **0,9121 [0,3512; 1,4730]**, τ² = 0,3164, I² = 81,47 % (\`rma(yi, vi, method = "REML")\` op \`escalc("SMCR", m1i = m_post, m2i = m_pre, sd1i = sd_pre, ni, ri)\`).`,
    "md.choices": `## De keuzes

Een voor-nastudie geeft per groep het gemiddelde en de SD vóór (\`m_pre\`, \`sd_pre\`) en na (\`m_post\`, \`sd_post\`) de behandeling, het aantal patiënten \`ni\`, en soms de correlatie \`ri\` tussen de twee metingen. Er zijn drie manieren om daar een effectgrootte van te maken:

- **MC**, de ruwe gemiddelde verandering \`m_post − m_pre\`. Die is alleen vergelijkbaar tussen studies met hetzelfde instrument.
- **SMCC**, de verandering gestandaardiseerd met de **SD van de veranderingsscores**, sqrt(sd_pre² + sd_post² − 2·r·sd_pre·sd_post), met de kleine-steekproefcorrectie van Hedges. Hoe sterker voor- en nameting correleren, hoe kleiner die SD en hoe **groter** de SMCC. Haar grootte hangt dus direct af van *r*.
- **SMCR**, de verandering gestandaardiseerd met de **SD van de voormeting** ("raw-score"-maat, Becker 1988). Die staat op dezelfde schaal als een SMD tussen groepen. Hier telt *r* alleen mee in haar variantie, 2(1 − r)/n + SMCR²/(2n).

Verander de instellingen hieronder. Elke tabel en figuur verderop volgt ze.`,
    "md.data": `## De data

Standaard zijn dit de vijf studies van Morris (2008) (het bestand \`prepost-example.csv\` in de map \`data/examples/\` van dit project; hogere scores zijn beter). Om uw eigen studies te analyseren, uploadt of plakt u een CSV in het onderdeel *Uw eigen data* aan het eind. Alles op deze pagina volgt dan uw data.`,
    "md.pooled": `## De gepoolde schatting`,
    "md.i2": `## Twee I²'s

"I²" is de naam van twee verschillende grootheden, en tabellen zeggen zelden welke ze rapporteren:

- **De I² van Higgins & Thompson** wordt alleen uit Cochrans Q berekend: I² = (Q − df)/Q, afgekapt op 0. Die is gelijk welke τ²-schatter u ook kiest.
- **De I² van metafor** (wat \`rma()\` afdrukt) is τ²/(τ² + ṽ), waarbij ṽ een "typische" variantie binnen studies is. Die volgt de τ²-schatter: FE en DL geven de op Q gebaseerde waarde, REML, PM en de andere niet. Het betrouwbaarheidsinterval komt uit het Q-profile-interval voor τ².

Verander de τ²-schatter hierboven: de linkerkolom beweegt en de rechter blijft staan.`,
    "md.seedI2":
      `De reviewtabel in het bezwaar rapporteert Q (df) en I² per uitkomstdomein (voor-nakolommen van de reviewtabel in paragraaf 4c van het VRA-bezwaar). Als die I² die van Higgins & Thompson was, zou hij gelijk zijn aan (Q − df)/Q. Dat is hij niet: voor pijninterferentie (Q = 1842,21, df = 43) is de op Q gebaseerde waarde 97,67 %, en de tabel rapporteert 96,14 %. Voor gezondheidsgerelateerde kwaliteit van leven rapporteert de tabel 99,81 %, en is de op Q gebaseerde waarde 98,43 %. Het verschil gaat beide kanten op. Dat past bij een op τ² gebaseerde I² uit een random-effectsfit (de standaard van metafor), die afhangt van de varianties van de studies en niet uit Q en df alleen is na te rekenen. De review zegt niet welke I² gebruikt is.`,
    "md.forest": `## Forest plot

Elk vierkant is de effectgrootte van één studie met haar 95%-BI (yi ± 1,96·√vi). De oppervlakte is evenredig met het gewicht van de studie in het gekozen model. De ruit is de gepoolde schatting met haar BI. De balk eronder is het 95%-predictie-interval: waar het ware effect van een nieuwe, vergelijkbare studie verwacht wordt. Bij heterogene studies is dat veel breder dan het BI. Hebben uw data een kolom \`rob\` met het totale risico op bias per studie (Low, Some concerns, High, No information of Not assessed), dan toont een gekleurde stip naast elke naam dat oordeel, in de kleuren van robvis.`,
    "md.funnel": `## Funnel plot

Effectgroottes tegen hun standaardfouten, met de nauwkeurigste studies bovenaan. Zonder kleine-studie-effecten liggen de punten symmetrisch in de trechter: de pseudo-betrouwbaarheidsgebieden β ± z·SE bij 90, 95 en 99%. Trim-and-fill vult de studies aan die de trechter symmetrisch zouden maken (open punten) en schat opnieuw (stippellijn). Met vijf studies laat een funnel plot weinig zien. Hij staat hier zodat u hem kunt lezen voor uw eigen, grotere verzameling studies.`,
    "md.r": `## Hoeveel maakt r uit?

De voor-nacorrelatie wordt zelden gerapporteerd, dus meta-analisten nemen er een aan. De gebruikelijke waarden zijn 0,5, of 0,3 en 0,7 als grenzen. De tabel herhaalt de analyse met dezelfde *r* voor elke studie (uw schatter en toets) met \`analyseStudies(..., { rGrid })\` uit \`lib/meta/mod.ts\` (dat \`rSensitivity()\` uitvoert). De eerste rij van elke maat gebruikt de gerapporteerde *r*. De SMCC groeit met *r*, omdat haar standaardisering krimpt. De SMCR beweegt nauwelijks, omdat *r* alleen in haar variantie meetelt, en daarmee in de gewichten en τ².`,
    "md.estimators": `## Alle τ²-schatters op deze data

Bij weinig studies verschillen de schatters, en daarmee de betrouwbaarheidsintervallen die erop gebouwd zijn. De rij van de hierboven gekozen schatter is gemarkeerd. Knapp-Hartung-intervallen (kies "Knapp-Hartung t" hierboven) zijn breder en houden hun dekking beter vast als k klein is.`,
    "md.perStudy": `## Effectgroottes per studie`,
    "md.own": `## Uw eigen data

Upload een CSV-bestand of plak CSV-tekst en druk op *Analyseer*. Geef daarna, direct onder de upload, aan of een lagere of een hogere score in uw data verbetering betekent: er wordt niets geanalyseerd tot u dat doet. Het bestand gaat voor als u beide geeft. Om terug te gaan naar het voorbeeld maakt u het tekstvak leeg en drukt u opnieuw op *Analyseer*, of laadt u de pagina opnieuw. Gebruik een van deze kolomsets (één rij per studie; \`study\` is overal optioneel):

- \`m_pre, m_post, sd_pre, sd_post, ni, ri\`, zoals het voorbeeld. \`sd_post\` mag leeg zijn voor SMCR, en een lege \`ri\` krijgt de r van de schuif.
- de kolommen van metafor, \`m1i, m2i, sd1i, sd2i, ni, ri\`, die ongewijzigd naar \`escalc\` gaan: yi is gebaseerd op \`m1i − m2i\`, en SMCR standaardiseert met \`sd1i\`.
- \`yi, vi\`, effectgroottes en steekproefvarianties die u zelf berekend hebt. De instellingen voor effectmaat en r gelden dan niet.

Bestanden met komma's, puntkomma's of tabs als scheidingsteken worden gelezen, ook met een decimale komma (zoals Nederlandse Excel ze opslaat). Niets verlaat uw browser. Fouten (een ontbrekende kolom, een negatieve SD, r buiten [−1, 1]) worden getoond met hun rij (vanaf 1, zoals in het bestand) en kolom.`,
    "md.notes": `## Opmerkingen

- Teken: metafor neemt \`m1i − m2i\` = na − voor. Als een lagere score verbetering betekent (pijn, beperkingen), kies dan "een lagere score" onder de upload. De effectgroottes worden dan met −1 vermenigvuldigd, zodat verbetering positief is. De richtingslabels van de forest plot gaan daarvan uit.
- De betrouwbaarheidsintervallen van de studies in de forest plot zijn yi ± 1,96·√vi, welke toets u ook kiest, zoals in \`forest()\` van metafor. De ruit gebruikt het eigen interval van het model (z of Knapp-Hartung).
- Elk getal op deze pagina komt uit \`analyseStudies\` in \`lib/meta/mod.ts\`, dezelfde functie die \`deno task meta\` uitvoert (escalc, rma, confint, trim-and-fill, rSensitivity), getoetst tegen metafor 3.8.1. De figuren zijn \`forestPlot\` en \`funnelPlot\` uit \`lib/plot/mod.ts\`.`,
    "input.measure": "Effectmaat",
    "measure.SMCR": "SMCR: gestandaardiseerd met de SD van de voormeting",
    "measure.SMCC": "SMCC: gestandaardiseerd met de SD van de verandering",
    "measure.MC": "MC: ruwe gemiddelde verandering",
    "input.rMode": "Voor-nacorrelatie r",
    "rMode.reported": "zoals per studie gerapporteerd (ontbrekend: de schuif)",
    "rMode.common": "de r van de schuif voor elke studie",
    "input.r": "r (aangenomen)",
    "r.unused":
      "De schuif staat uit: elke studie rapporteert haar r, en r telt alleen mee waar hij ontbreekt. Kies “de r van de schuif voor elke studie” om hem te gebruiken.",
    "r.notApplicable": "De schuif staat uit: uw data geven yi en vi, dus r telt niet mee.",
    "input.method": "τ²-schatter",
    "input.test": "Toets en BI",
    "test.z": "Wald z",
    "test.knha": "Knapp-Hartung t",
    "input.improvement": "In deze data is verbetering",
    "improvement.increase": "een hogere score",
    "improvement.decrease": "een lagere score (pijn, beperkingen)",
    "direction.ask":
      "Controleer de richting: betekenen in {name} lagere of hogere scores verbetering? Kies hier; er wordt niets geanalyseerd tot u dat doet.",
    "direction.confirmed.increase":
      "U koos: een hogere score in {name} is verbetering. Verbetering is positief in elke tabel en figuur.",
    "direction.confirmed.decrease":
      "U koos: een lagere score in {name} is verbetering (de effectgroottes worden met −1 vermenigvuldigd, zodat verbetering positief is in elke tabel en figuur).",
    "direction.example": "De voorbeelddata: een hogere score is verbetering.",
    "needs.direction":
      "Nog geen resultaten: geef naast de upload aan of lagere of hogere scores in {name} verbetering betekenen.",
    "upload.label": "Upload een CSV",
    "paste.label": "…of plak CSV",
    "paste.submit": "Analyseer",
    "pasted": "geplakte CSV",
    "data.failed": "{name} kon niet worden geanalyseerd; er worden geen resultaten getoond: {error}",
    "data.example": "Analyse van de voorbeelddata ({k} studies).",
    "data.user": "Analyse van {name} ({k} studies, kolommen in de vorm “{vocabulary}”; {dialect}).",
    "pooled.failed": "Geen resultaten: {error}",
    "failed.short": "Geen {what}: de analyse van {name} is mislukt (zie de melding onder “De data”).",
    "what.het": "heterogeniteitsmaten",
    "what.forest": "forest plot",
    "what.funnel": "funnel plot",
    "what.estimators": "vergelijking van schatters",
    "what.effects": "effectgroottes",
    "what.r": "gevoeligheid voor r",
    "what.influence": "invloedsdiagnostiek",
    "rob.label": "RoB",
    "rob.low": "Laag",
    "rob.some": "Enige zorgen",
    "rob.high": "Hoog",
    "rob.noinfo": "Geen informatie",
    "rob.notassessed": "Niet beoordeeld",
    "rob.bad": "De risk-of-biaskolom {column} wordt niet getoond: {error}",
    "what.baujat": "Baujat-plot",
    "what.cumul": "cumulatieve meta-analyse",
    "diag.failed": "Geen {what}: {error}",
    "influence.none": "Geen enkele studie is invloedrijk volgens de regels van metafor.",
    "influence.some": "{n} studie(s) met een * (gemarkeerd) zijn invloedrijk volgens de regels van metafor.",
    "col.inf": "invloedrijk",
    "col.weightPct": "gewicht (%)",
    "cumul.byYear": "Studies worden toegevoegd in de volgorde van de kolom {column}.",
    "cumul.byRow": "De data hebben geen jaarkolom: studies worden toegevoegd in de volgorde van de rijen.",
    "cumul.xlabel": "Gepoolde {label} (cumulatief) met 95%-BI",
    "md.influence": `## Invloedrijke studies

Bepaalt één studie het resultaat? De tabel geeft per studie de diagnostiek van metafor's \`influence()\`, berekend door het model opnieuw te schatten zonder die studie: het extern gestudentiseerde residu (rstudent), DFFITS, de afstand van Cook, de covariantieratio, τ² en Q zonder de studie, de hat-waarde, het gewicht en DFBETAS. Een studie krijgt een * als ze invloedrijk is volgens de regels van metafor (een van: |DFFITS| > 3√(p/(k−p)), een afstand van Cook boven de mediaan van χ² met p vrijheidsgraden, een hat-waarde boven 3p/k, |DFBETAS| > 1). Met vijf studies weegt elke studie zwaar: lees een markering als reden om te kijken, niet om de studie weg te laten.`,
    "md.baujat": `## Baujat-plot

Per studie de bijdrage aan de heterogeniteit (het gekwadrateerde Pearson-residu in Q, x-as) tegen de invloed op de gepoolde schatting (de gekwadrateerde verandering van de schatting als de studie wordt weggelaten, gedeeld door haar variantie, y-as), zoals metafor's \`baujat()\`. Studies rechtsboven maken de studies heterogeen én verschuiven het resultaat.`,
    "md.cumul": `## Cumulatieve meta-analyse

De gepoolde schatting en haar BI terwijl de studies één voor één worden toegevoegd (metafor's \`cumul()\`): in volgorde van publicatie als de data een kolom year (of jaar) hebben, anders in de volgorde van de rijen. Zo ziet u of het antwoord al vroeg stabiel was of met latere studies verschoof.`,
    "own.none": "Nog geen eigen data: de pagina toont de voorbeelddata.",
    "own.failed":
      "Uw data ({name}) konden niet worden geanalyseerd, en de resultaten van eerdere data zijn verwijderd:\n{error}",
    "own.ok": "{k} studies gelezen uit {name} ({dialect}). Elk resultaat op deze pagina komt daaruit.",
    "pooled": "Gepoolde {label} (β)",
    "model.fe": "fixed-effectmodel, {method}",
    "model.re": "random-effectsmodel, {method}",
    "col.value": "waarde",
    "tau.note": "SD van de ware effecten",
    "pi.fe": "geen τ²: het FE-model voorspelt geen spreiding",
    "pi.re": "waar het ware effect van een nieuwe studie verwacht wordt",
    "favours.deterioration": "verslechtering",
    "favours.improvement": "verbetering",
    "method.FE": "FE: vaste (gelijke) effecten, τ² = 0",
    "method.DL": "DL: DerSimonian-Laird",
    "method.HE": "HE: Hedges",
    "method.HS": "HS: Hunter-Schmidt",
    "method.SJ": "SJ: Sidik-Jonkman",
    "method.ML": "ML: maximale aannemelijkheid (maximum likelihood)",
    "method.REML": "REML: beperkte maximale aannemelijkheid (restricted maximum likelihood)",
    "method.EB": "EB: empirische Bayes",
    "method.PM": "PM: Paule-Mandel",
    "ci.level": "{level}-BI",
    "pi.level": "{level}-predictie-interval",
    "ci.qprofile": "{level}-BI (Q-profile)",
    "col.ci95": "95%-BI",
    "col.pi95": "95%-PI",
    "col.pooledPlain": "gepoold",
    "r.reportedShort": "gerapporteerd",
    "side.left": "linkerkant",
    "side.right": "rechterkant",
    "funnel.ylabel": "Standaardfout",
    "baujat.xlabel": "Bijdrage aan de totale heterogeniteit →",
    "baujat.ylabel": "↑ Invloed op het totale resultaat",
    "outcome.Health-related quality of life": "Gezondheidsgerelateerde kwaliteit van leven",
    "outcome.Pain interference": "Pijninterferentie",
    "outcome.Physical function": "Lichamelijk functioneren",
    "outcome.Depression": "Depressie",
    "outcome.Anxiety": "Angst",
    "outcome.Emotional functioning": "Emotioneel functioneren",
    "outcome.Self-efficacy": "Zelfeffectiviteit (self-efficacy)",
    "outcome.Social functioning": "Sociaal functioneren",
    "outcome.Pain intensity": "Pijnintensiteit",
    "forest.study": "Studie",
    "forest.weight": "Gewicht",
    "forest.estimate": "Schatting [{level}-BI]",
    "forest.summary.re": "RE-model ({method})",
    "forest.summary.fe": "FE-model",
    "xlabel.yi": "Effectgrootte (yi)",
    "xlabel.raw": "(ruwe eenheden)",
    "trimfill.toggle": "Trim-and-fill (Duval & Tweedie, L0)",
    "trimfill.none":
      "Trim-and-fill schat geen ontbrekende studies (k0 = 0, aan de {side}): de schatting blijft {beta}.",
    "trimfill.some":
      "Trim-and-fill vult {k0} studie(s) aan aan de {side} (open punten). De aangevulde schatting is {beta} {ci} (stippellijn), tegen {observed} waargenomen. Het is een gevoeligheidsanalyse, geen correctie: bij weinig of heterogene studies heeft asymmetrie veel oorzaken naast publicatiebias.",
    "trimfill.failed": "Trim-and-fill kon niet worden uitgevoerd.",
    "r.gen": "Uw data geven yi en vi direct, dus r telt niet mee (hij zit al in uw vi).",
    "r.curve.gen": "Geen r-curve: effectgroottes gegeven als yi en vi.",
    "r.axis": "voor-nacorrelatie r (gelijk voor elke studie)",
    "r.yaxis": "gepoolde schatting ({method}) met 95%-BI",
    "col.measure": "maat",
    "col.pooled": "gepoold ({method})",
    "col.estimator": "schatter",
    "col.study": "studie",
    "col.row": "rij",
    "col.weight": "gewicht (%, {method})",
    "col.outcome": "Uitkomst (voor-na)",
    "col.N": "N cohorten",
    "col.median": "mediane SMC",
    "col.I2reported": "I² gerapporteerd (%)",
    "col.difference": "verschil",
    "col.I2tau": "I² op τ² gebaseerd (%)",
    "col.I2Q": "I² op Q gebaseerd (%)",
    "het.tau": "op τ² gebaseerd (metafor, {method})",
    "het.q": "op Q gebaseerd (Higgins & Thompson)",
    "het.noci": "Geen Q-profile-BI (FE-model of één studie).",
    "download.analysis": "de analyse",
  },
};
