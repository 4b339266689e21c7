/**
 * Texts of the multilevel notebook (several effect sizes per study: naive pooling, multilevel,
 * CHE + CR2; the seed's multi-outcome rows; diagnostics of a univariate fit) in Dutch and English.
 * The engine's own sentences (model descriptions, inventory reasons, scales) are in the message
 * catalogue (`messages_nl.ts`, `translateMessage`).
 * @module
 */
import type { Dictionary } from "../i18n.ts";

/** The multilevel notebook's dictionary. */
export const MULTILEVEL: Dictionary = {
  nl: {
    "intro": `# Meerdere uitkomsten uit dezelfde studie

**Wat gebeurt er met een gepoolde schatting als studies meerdere effectgroottes bijdragen?** Het bewijs over revalidatie bij chronische pijn geeft zelden één effect per studie: de review van gestandaardiseerde gemiddelde veranderingen in het bezwaar mengt uitkomstdomeinen (PDI, PSK, pijn, kwaliteit van leven) en periodes uit dezelfde cohorten, en Breugelmans 2024 en Smeets 2006 rapporteren elk veel uitkomsten. Een univariaat random-effectsmodel behandelt elke effectgrootte als een onafhankelijke studie: het overschat de precisie en vertekent I² en de subgroeptoetsen.

Dit notebook vergelijkt drie analyses van dezelfde effectgroottes:

- **naïef poolen**: \`rma(yi, vi)\`, elke effectgrootte onafhankelijk;
- **multilevel**: \`rma.mv(yi, vi, random = ~ 1 | study/esid)\`, effectgroottes genest in studies (een variantie tussen studies, \`sigma2[1]\`, en een tussen effectgroottes binnen een studie, \`sigma2[2]\`);
- **CHE + CR2**: het werkmodel met gecorreleerde en hiërarchische effecten (\`V <- vcalc(vi, cluster = study, obs = esid, rho = ρ)\`, dan dezelfde random effecten), met clusterrobuuste CR2-standaardfouten en Satterthwaite-vrijheidsgraden (\`robust(fit, cluster = study, clubSandwich = TRUE)\`), zoals Pustejovsky & Tipton (2022) aanbevelen.

De steekproeffouten van effectgroottes van dezelfde patiënten zijn gecorreleerd, maar studies melden zelden hoe sterk, dus ρ is een **aanname**: verschuif de schuifregelaar en bekijk hoeveel het uitmaakt. De CR2-inferentie blijft geldig wat ρ ook is (ze vereist alleen dat de studies onafhankelijk zijn), maar bij weinig studies zijn de vrijheidsgraden klein — onder 4 is de toets onbetrouwbaar.

Bronnen:

- Assink, M., & Wibbelink, C. J. M. (2016). Fitting three-level meta-analytic models in R: a step-by-step tutorial. *The Quantitative Methods for Psychology*, 12, 154–174. De voorbeeldgegevens (100 effectgroottes in 17 studies) zijn \`dat.assink2016\` uit het R-pakket metadat (\`data/examples/assink2016.csv\`).
- Pustejovsky, J. E., & Tipton, E. (2022). Meta-analysis with robust variance estimation: expanding the range of working models. *Prevention Science*, 23, 425–438 (het CHE-model).
- Pustejovsky, J. E., & Tipton, E. (2018). Small-sample methods for cluster-robust variance estimation and hypothesis testing in fixed effects models. *JBES*, 36, 672–683 (CR2, HTZ).
- Viechtbauer, W. (2010). Conducting meta-analyses in R with the metafor package. *JSS*, 36(3).

Met de standaardwaarde ρ = 0,6 zijn de getallen die van metafor 3.8.1 en clubSandwich 0.5.8: CHE **0,3678**, CR2-SE 0,0970 met **14,53** vrijheidsgraden, 95%-BI [0,1605; 0,5750]; naïef poolen geeft 0,5630 [0,4309; 0,6951] (referentiewaarden berekend in R, in de testgegevens van het project).`,
    "h.example": `## 1. Naïef, multilevel en CHE + CR2 op de voorbeeldgegevens

De gegevens van Assink & Wibbelink: de samenhang tussen risicofactoren bij de ouders en jeugddelinquentie, 100 SMD's uit 17 studies (tussen 1 en 22 per studie).`,
    "input.rho": "Aangenomen correlatie ρ van effectgroottes binnen een studie",
    "col.analysis": "Analyse",
    "col.estimate": "Schatting",
    "col.se": "SE",
    "col.ci": "{level}%-BI",
    "col.df": "df",
    "col.p": "p",
    "col.model": "Model",
    "caption.che": "Gepoolde schatting van {k} effectgroottes in {n} studies (ρ = {rho})",
    "model.naive": "naïef",
    "model.multilevel": "multilevel",
    "model.CHE": "CHE",
    "model.CHE + CR2": "CHE + CR2",
    "plot.pooled": "Gepoolde SMD",
    "col.component": "Variantiecomponent",
    "col.sigma2": "σ²",
    "caption.sigma2": "Variantiecomponenten van CHE (REML)",
    "h.rho":
      `De naïeve analyse weegt de studies met veel effectgroottes alsof elke effectgrootte een nieuwe studie is, dus haar schatting neigt naar die studies en haar interval is te smal. Het multilevelmodel laat de effectgroottes van één studie een studie-effect delen; CHE laat daarnaast hun steekproeffouten correleren. Het CR2-interval is het interval om te rapporteren: het hangt niet af van de juistheid van ρ.

### Hoeveel maakt ρ uit?

Dezelfde CHE + CR2-analyse voor een reeks waarden van ρ (\`rhoSensitivity\`): de schatting verschuift iets, de robuuste standaardfout nauwelijks.`,
    "col.rho": "ρ",
    "col.modelSe": "Model-SE",
    "col.cr2se": "CR2-SE",
    "col.cr2df": "CR2-df",
    "col.cr2ci": "CR2-95%-BI",
    "col.sigma2pair": "σ² studie / esid",
    "h.seed": `## 2. De rijen met meerdere uitkomsten in het bezwaar

Welke van de gerapporteerde getallen in het bezwaar zijn er meerdere per studie, en zou een model voor afhankelijke effecten ze kunnen gebruiken? Dat vereist effectgroottes op één schaal (gestandaardiseerd, of ruwe verschillen op hetzelfde instrument) met een 95%-BI — zodat een steekproefvariantie kan worden afgeleid — in **minstens twee studies**. De review van gestandaardiseerde gemiddelde veranderingen (paragraaf 4c, \`smc_review.csv\`) geeft alleen medianen en spreidingen per uitkomstdomein en periode, niet de SMC's van de cohorten zelf, en kan dus helemaal niet in een model.`,
    "col.study": "Studie",
    "col.scale": "Schaal",
    "col.k": "Effectgroottes",
    "col.withCi": "met 95%-BI",
    "col.outcomes": "Uitkomsten",
    "caption.inventory": "Studies met meerdere effectgroottes op één schaal (estimates.csv)",
    "poolable": "Te poolen: {list}",
    "poolable.item": "{scale} ({studies} studies, {k} effectgroottes)",
    "not.poolable": "De gegevens van het bezwaar laten geen model voor afhankelijke effecten toe: {reasons}.",
    "h.diag":
      `Breugelmans 2024 rapporteert 16 effectgroottes op 8 uitkomsten, Volker 2017 er vijf, zonder intervallen; Smeets 2006 rapporteert ruwe gemiddelde verschillen met BI's, maar elk instrument alleen in die ene trial. Met de SMC's per studie, hun SD's en de voor-nacorrelaties zou de analyse hierboven ongewijzigd draaien: \`deno task meta file.csv --cluster study --rho 0.6 --robust\`.

## 3. Diagnostiek van een univariate fit

Bij één effectgrootte per studie de diagnostiek van metafor: de invloed van elke studie (opnieuw geschat zonder die studie), de Baujat-plot (bijdrage aan de heterogeniteit tegen invloed op het resultaat), een cumulatieve meta-analyse naar jaar, en de bubbelplot van een meta-regressie. De gegevens zijn de BCG-vaccintrials (\`dat.bcg\`, log-risicoratio's, REML).`,
    "col.rstudent": "rstudent",
    "col.dffits": "dffits",
    "col.cookd": "Cook's d",
    "col.covr": "cov.r",
    "col.tau2del": "τ² zonder",
    "col.qedel": "QE zonder",
    "col.hat": "hat",
    "col.weight": "gewicht %",
    "col.inf": "inf",
    "plot.baujatX": "Bijdrage aan de totale heterogeniteit →",
    "plot.baujatY": "↑ Invloed op het totale resultaat",
    "plot.cumul": "log-risicoratio (cumulatief, naar jaar)",
    "plot.bubble": "↑ log-risicoratio",
  },
  en: {
    "intro": `# Several outcomes from the same study

**What happens to a pooled estimate when studies contribute several effect sizes?** The evidence on chronic-pain rehabilitation rarely gives one effect per study: the seed's review of standardised mean changes mixes outcome domains (PDI, PSC, pain, HRQoL) and periods from the same cohorts, and Breugelmans 2024 and Smeets 2006 report many outcomes each. A univariate random-effects model treats every effect size as an independent study: it overstates the precision and distorts I² and the subgroup tests.

This notebook compares three analyses of the same effect sizes:

- **naive pooling**: \`rma(yi, vi)\`, every effect size independent;
- **multilevel**: \`rma.mv(yi, vi, random = ~ 1 | study/esid)\`, effect sizes nested in studies (a variance between studies, \`sigma2[1]\`, and one between effect sizes within a study, \`sigma2[2]\`);
- **CHE + CR2**: the correlated-and-hierarchical-effects working model (\`V <- vcalc(vi, cluster = study, obs = esid, rho = ρ)\`, then the same random effects), with cluster-robust CR2 standard errors and Satterthwaite degrees of freedom (\`robust(fit, cluster = study, clubSandwich = TRUE)\`), as Pustejovsky & Tipton (2022) recommend.

The sampling errors of effect sizes from the same patients are correlated, but studies rarely report by how much, so ρ is an **assumption**: move the slider and see how much it matters. The CR2 inference stays valid whatever ρ is (it only needs the studies to be independent), but with few studies its degrees of freedom are small — below 4 the test is unreliable.

Sources:

- Assink, M., & Wibbelink, C. J. M. (2016). Fitting three-level meta-analytic models in R: a step-by-step tutorial. *The Quantitative Methods for Psychology*, 12, 154–174. The example data (100 effect sizes in 17 studies) are metadat's \`dat.assink2016\` (\`data/examples/assink2016.csv\`).
- Pustejovsky, J. E., & Tipton, E. (2022). Meta-analysis with robust variance estimation: expanding the range of working models. *Prevention Science*, 23, 425–438 (the CHE model).
- Pustejovsky, J. E., & Tipton, E. (2018). Small-sample methods for cluster-robust variance estimation and hypothesis testing in fixed effects models. *JBES*, 36, 672–683 (CR2, HTZ).
- Viechtbauer, W. (2010). Conducting meta-analyses in R with the metafor package. *JSS*, 36(3).

With the default ρ = 0.6 the numbers are metafor 3.8.1's and clubSandwich 0.5.8's: CHE **0.3678**, CR2 SE 0.0970 with **14.53** df, 95% CI [0.1605, 0.5750]; naive pooling gives 0.5630 [0.4309, 0.6951] (reference values computed in R, kept with the project's test fixtures).`,
    "h.example": `## 1. Naive, multilevel and CHE + CR2 on the example data

Assink & Wibbelink's data: the association between parental risk factors and juvenile delinquency, 100 SMDs from 17 studies (between 1 and 22 per study).`,
    "input.rho": "Assumed correlation ρ of effect sizes within a study",
    "col.analysis": "Analysis",
    "col.estimate": "Estimate",
    "col.se": "SE",
    "col.ci": "{level}% CI",
    "col.df": "df",
    "col.p": "p",
    "col.model": "Model",
    "caption.che": "Pooled estimate of {k} effect sizes in {n} studies (ρ = {rho})",
    "model.naive": "naive",
    "model.multilevel": "multilevel",
    "model.CHE": "CHE",
    "model.CHE + CR2": "CHE + CR2",
    "plot.pooled": "Pooled SMD",
    "col.component": "Variance component",
    "col.sigma2": "σ²",
    "caption.sigma2": "CHE variance components (REML)",
    "h.rho":
      `The naive analysis weights the studies with many effect sizes as if each were a new study, so its estimate leans towards them and its interval is too narrow. The multilevel model lets the effect sizes of one study share a study effect; CHE in addition lets their sampling errors correlate. The CR2 interval is the one to report: it does not depend on ρ being right.

### How much does ρ matter?

The same CHE + CR2 analysis for a range of ρ (\`rhoSensitivity\`): the estimate moves a little, the robust standard error barely.`,
    "col.rho": "ρ",
    "col.modelSe": "Model SE",
    "col.cr2se": "CR2 SE",
    "col.cr2df": "CR2 df",
    "col.cr2ci": "CR2 95% CI",
    "col.sigma2pair": "σ² study / esid",
    "h.seed": `## 2. The seed's multi-outcome rows

Which of the seed's reported numbers are several per study, and could a dependent-effects model use them? It needs effect sizes on one scale (standardised, or raw differences on the same instrument) with a 95% CI — so that a sampling variance can be derived — in **at least two studies**. The review of standardised mean changes (section 4c, \`smc_review.csv\`) gives only medians and ranges per outcome domain and period, not the cohorts' own SMCs, so it cannot enter a model at all.`,
    "col.study": "Study",
    "col.scale": "Scale",
    "col.k": "Effect sizes",
    "col.withCi": "with 95% CI",
    "col.outcomes": "Outcomes",
    "caption.inventory": "Studies reporting several effect sizes on one scale (estimates.csv)",
    "poolable": "Poolable: {list}",
    "poolable.item": "{scale} ({studies} studies, {k} effect sizes)",
    "not.poolable": "The seed's data do not allow a dependent-effects model: {reasons}.",
    "h.diag":
      `Breugelmans 2024 reports 16 effect sizes on 8 outcomes, Volker 2017 five, without intervals; Smeets 2006 reports raw mean differences with CIs, but each instrument only in that one trial. With the study-level SMCs, their SDs and the pre-post correlations, the analysis above would run unchanged: \`deno task meta file.csv --cluster study --rho 0.6 --robust\`.

## 3. Diagnostics of a univariate fit

For one effect size per study, metafor's diagnostics: the influence of each study (leave-one-out refits), the Baujat plot (contribution to heterogeneity against influence on the result), a cumulative meta-analysis by year, and the bubble plot of a meta-regression. The data are the BCG vaccine trials (\`dat.bcg\`, log risk ratios, REML).`,
    "col.rstudent": "rstudent",
    "col.dffits": "dffits",
    "col.cookd": "Cook's d",
    "col.covr": "cov.r",
    "col.tau2del": "τ² without",
    "col.qedel": "QE without",
    "col.hat": "hat",
    "col.weight": "weight %",
    "col.inf": "inf",
    "plot.baujatX": "Contribution to overall heterogeneity →",
    "plot.baujatY": "↑ Influence on overall result",
    "plot.cumul": "log risk ratio (cumulative, by year)",
    "plot.bubble": "↑ log risk ratio",
  },
};
