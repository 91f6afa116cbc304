#!/usr/bin/env python3
"""Deterministic generator of a non-English letter corpus with planted topic threads, for
checking `epistolary topics suggest` on material that is not the bundled telegrams.

    python3 Benchmarks/topics-letters.py N OUT.csv [--lang de|fr] [--seed 7]

Writes a CSV in Epistolary's own layout (id, sender, recipients, date, text), UTF-8, letters
dated 1848-1857. Every letter has 2-4 sentences of the genre (thanks, health, weather, family,
regards), drawn from a fixed pool and spread evenly over the decade; the health sentences are
three times as frequent in 1849 and 1854, so the genre has bursts of its own. A share of the
letters also carries one planted thread: 2-4 sentences built from that thread's templates, with
slots filled from its vocabulary (names, collocations and recurring nouns, with real
diacritics). Four threads are active in a window of years (90% of their letters there), one
(an inheritance dispute) runs over the whole decade. Which thread a letter carries, and every
choice, comes from one seeded generator: the output is a pure function of (N, lang, seed).

The planted threads, in the order of their ids: railway, dictionary, cholera, parliament,
inheritance. `TopicToolsTests` reads fixtures made with this script
(Tests/Fixtures/topics/letters-de.csv: 400 letters, seed 7; letters-fr.csv: 400, seed 11).
"""
import argparse
import csv
import random
import sys

LANG = {
    "de": {
        "people": ["Friedrich Bökemüller", "Anna Weiß", "Karl Jäger", "Luise Hüttner", "Maximilian Größ",
                   "Sophie Löwenthal", "Wilhelm Schröder", "Therese Mühlbauer"],
        "genre": [
            "Ich danke Dir herzlich für Deinen lieben Brief.",
            "Dein Brief hat mich sehr gefreut, und ich antworte Dir gleich.",
            "Verzeih, dass ich so lange nicht geschrieben habe; die Tage vergehen schnell.",
            "Das Wetter ist hier seit Wochen trüb und kalt.",
            "Bei uns regnet es unaufhörlich, und die Wege sind grundlos.",
            "Die Kinder sind wohlauf und lassen Dich grüßen.",
            "Meine Frau empfiehlt sich Dir und Deiner lieben Familie.",
            "Grüße mir alle Freunde und schreibe bald wieder.",
            "Mit herzlichen Grüßen bleibe ich Dein treuer Freund.",
            "Ich hoffe, diese Zeilen treffen Dich bei guter Gesundheit.",
            "Die Angelegenheit, von der Du schreibst, bereitet mir manche Sorge.",
            "In dieser Sache kann ich Dir leider wenig Hoffnung machen.",
            "Es kostet mich Mühe, alles zu ordnen, aber es wird schon gehen.",
            "Nächste Woche reise ich für einige Tage aufs Land.",
        ],
        "health": [
            "Meine Gesundheit lässt zu wünschen übrig; der Arzt verordnet Ruhe.",
            "Ich lag acht Tage mit Fieber zu Bett und bin noch schwach.",
            "Der Husten plagt mich seit dem Herbst, und ich schone mich sehr.",
        ],
        "threads": [
            ("railway", (1849, 1851), {
                "X": ["Köln-Mindener Bahn", "Köln-Mindener Eisenbahn", "Bahnhof in Deutz", "Brücke über die Ruhr"],
                "Y": ["Aktien", "Schienen", "Ingenieure", "Streckenbau", "Bahndamm", "Lokomotiven"],
            }, [
                "Die {X} kommt voran, doch die {Y} machen uns Kummer.",
                "Man sagt, die {Y} der {X} würden im Frühjahr geliefert.",
                "Der Vorstand der {X} hat neue {Y} bestellt.",
                "Ich habe mir die {Y} an der {X} angesehen.",
                "Für die {X} fehlen noch {Y} und Geld.",
            ]),
            ("dictionary", (1852, 1855), {
                "X": ["Deutsche Wörterbuch", "Verleger Hirzel", "Buchstaben G", "erste Lieferung"],
                "Y": ["Belegstellen", "Druckbogen", "Korrekturen", "Zettel", "Artikel", "Abschriften"],
            }, [
                "Für das {X} sammle ich täglich {Y}.",
                "Der {X} drängt auf die {Y}, ich komme kaum nach.",
                "Die {Y} für den {X} liegen nun bereit.",
                "Ohne Deine {Y} wäre das {X} nicht fertig geworden.",
                "Die {X} erscheint, sobald die {Y} durchgesehen sind.",
            ]),
            ("cholera", (1855, 1857), {
                "X": ["Cholera in Hamburg", "Quarantäne im Hafen", "städtische Lazarett", "Gesundheitsbehörde"],
                "Y": ["Ärzte", "Sterbefälle", "Chlorkalk", "Krankenwärter", "Brunnen", "Quarantänestationen"],
            }, [
                "Die {X} fordert viele Opfer; die {Y} sind erschöpft.",
                "Man zählt täglich neue {Y}, seit die {X} gemeldet ist.",
                "Über die {X} berichten die {Y} Schreckliches.",
                "Das {X} braucht dringend {Y}.",
                "Die {X} lässt die {Y} prüfen.",
            ]),
            ("parliament", (1848, 1849), {
                "X": ["Nationalversammlung in der Paulskirche", "Frankfurter Parlament", "Reichsverfassung", "Abgeordneten"],
                "Y": ["Wahlen", "Grundrechte", "Märzforderungen", "Fraktionen", "Debatten", "Petitionen"],
            }, [
                "In der {X} streitet man über die {Y}.",
                "Die {Y} im {X} nehmen kein Ende.",
                "Was wird aus der {X}, wenn die {Y} scheitern?",
                "Die {X} hat die {Y} beraten.",
                "Ich lese täglich über die {Y} in der {X}.",
            ]),
            ("inheritance", None, {
                "X": ["Testament der Tante Görtz", "Notar Weißkirchen", "Grundstück am Mühlbach", "Amtsgericht"],
                "Y": ["Erbteile", "Vormundschaft", "Schuldscheine", "Pachtzinsen", "Grundbuch", "Gläubiger"],
            }, [
                "Das {X} bringt Streit um die {Y}.",
                "Der {X} verlangt die {Y} noch diesen Monat.",
                "Wegen der {Y} muss ich wieder zum {X}.",
                "Das {X} und die {Y} rauben mir den Schlaf.",
                "Die {Y} sind beim {X} hinterlegt.",
            ]),
        ],
    },
    "fr": {
        "people": ["Émile Lefèvre", "Hélène Dupré", "François Bérard", "Amélie Côté", "Jérôme Faÿ",
                   "Célestine Mégret", "Benoît Lemaître", "Noémie Thévenin"],
        "genre": [
            "Je vous remercie de votre bonne lettre.",
            "Votre lettre m'a fait grand plaisir et j'y réponds aussitôt.",
            "Pardonnez-moi d'avoir tant tardé à vous écrire ; les jours passent vite.",
            "Le temps est ici gris et froid depuis des semaines.",
            "Il pleut sans cesse et les chemins sont impraticables.",
            "Les enfants se portent bien et vous embrassent.",
            "Ma femme se rappelle à votre bon souvenir et à celui de votre famille.",
            "Saluez pour moi tous nos amis et écrivez-moi bientôt.",
            "Je reste, avec toute mon amitié, votre fidèle ami.",
            "J'espère que ces lignes vous trouveront en bonne santé.",
            "L'affaire dont vous me parlez me donne bien du souci.",
            "Dans cette affaire je ne puis guère vous donner d'espoir.",
            "J'ai de la peine à tout mettre en ordre, mais cela viendra.",
            "La semaine prochaine je pars quelques jours à la campagne.",
        ],
        "health": [
            "Ma santé laisse à désirer ; le médecin me prescrit le repos.",
            "J'ai gardé le lit huit jours avec la fièvre et je suis encore faible.",
            "La toux me tourmente depuis l'automne et je me ménage beaucoup.",
        ],
        "threads": [
            ("railway", (1849, 1851), {
                "X": ["Compagnie du Nord", "chemin de fer de Lyon", "gare de Lyon-Perrache", "viaduc de Chaumont"],
                "Y": ["actions", "rails", "ingénieurs", "terrassements", "remblais", "locomotives"],
            }, [
                "La {X} avance, mais les {Y} nous donnent du tracas.",
                "On dit que les {Y} de la {X} seront livrés au printemps.",
                "Le conseil de la {X} a commandé de nouvelles {Y}.",
                "J'ai visité les {Y} près de la {X}.",
                "Pour la {X} il manque encore des {Y} et de l'argent.",
            ]),
            ("dictionary", (1852, 1855), {
                "X": ["Dictionnaire de la langue", "éditeur Hachette", "lettre É", "première livraison"],
                "Y": ["épreuves", "citations", "corrections", "fiches", "articles", "copies"],
            }, [
                "Pour le {X} je recueille chaque jour des {Y}.",
                "L'{X} réclame les {Y} ; je n'en viens pas à bout.",
                "Les {Y} de la {X} sont enfin prêtes.",
                "Sans vos {Y} le {X} n'aurait pas avancé.",
                "La {X} paraîtra dès que les {Y} seront revues.",
            ]),
            ("cholera", (1855, 1857), {
                "X": ["choléra à Marseille", "quarantaine du port", "lazaret municipal", "intendance sanitaire"],
                "Y": ["médecins", "décès", "chlorure", "infirmiers", "fontaines", "hôpitaux"],
            }, [
                "Le {X} fait de nombreuses victimes ; les {Y} sont épuisés.",
                "On compte chaque jour de nouveaux {Y} depuis le {X}.",
                "Les {Y} racontent des choses terribles sur le {X}.",
                "Le {X} manque cruellement de {Y}.",
                "L'{X} fait examiner les {Y}.",
            ]),
            ("parliament", (1848, 1849), {
                "X": ["Assemblée constituante", "Palais-Bourbon", "Constitution de 1848", "représentants du peuple"],
                "Y": ["élections", "amendements", "clubs", "débats", "pétitions", "scrutins"],
            }, [
                "À l'{X} on se dispute sur les {Y}.",
                "Les {Y} au {X} n'en finissent pas.",
                "Que deviendra la {X} si les {Y} échouent ?",
                "Les {X} ont discuté les {Y}.",
                "Je lis chaque jour les {Y} de l'{X}.",
            ]),
            ("inheritance", None, {
                "X": ["testament de la tante Gérard", "notaire Ménétrier", "terrain du Moulin-Neuf", "tribunal de Sémur"],
                "Y": ["héritiers", "tutelle", "créances", "fermages", "hypothèques", "créanciers"],
            }, [
                "Le {X} amène des querelles sur les {Y}.",
                "Le {X} réclame les {Y} avant la fin du mois.",
                "À cause des {Y} je dois retourner chez le {X}.",
                "Le {X} et les {Y} m'ôtent le sommeil.",
                "Les {Y} sont déposés chez le {X}.",
            ]),
        ],
    },
}

HEALTH_YEARS = (1849, 1854)


def letters(n, lang, seed):
    spec = LANG[lang]
    rng = random.Random(seed)
    years = list(range(1848, 1858))
    out = []
    for k in range(n):
        year = years[k * len(years) // n]
        month, day = rng.randint(1, 12), rng.randint(1, 28)
        sender, recipient = rng.sample(spec["people"], 2)
        sentences = []
        # The genre: 2-4 sentences; health more often in some years.
        for _ in range(rng.randint(2, 4)):
            if rng.random() < (0.45 if year in HEALTH_YEARS else 0.15):
                sentences.append(rng.choice(spec["health"]))
            else:
                sentences.append(rng.choice(spec["genre"]))
        # A planted thread in about half the letters.
        if rng.random() < 0.5:
            active = [t for t in spec["threads"] if t[1] is None or t[1][0] <= year <= t[1][1]]
            if active and rng.random() < 0.9:
                thread = rng.choice(active)
            else:
                thread = rng.choice(spec["threads"])
            _, _, vocabulary, templates = thread
            for _ in range(rng.randint(2, 4)):
                template = rng.choice(templates)
                sentences.insert(rng.randint(1, len(sentences)),
                                 template.format(X=rng.choice(vocabulary["X"]), Y=rng.choice(vocabulary["Y"])))
        out.append({"id": f"{lang}{k + 1:04d}", "sender": sender, "recipients": recipient,
                    "date": f"{year}-{month:02d}-{day:02d}", "text": " ".join(sentences)})
    return out


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("n", type=int)
    ap.add_argument("out")
    ap.add_argument("--lang", choices=sorted(LANG), default="de")
    ap.add_argument("--seed", type=int, default=7)
    args = ap.parse_args()
    rows = letters(args.n, args.lang, args.seed)
    with open(args.out, "w", encoding="utf-8", newline="") as f:
        w = csv.DictWriter(f, fieldnames=["id", "sender", "recipients", "date", "text"], lineterminator="\n")
        w.writeheader()
        w.writerows(rows)
    print(f"[topics-letters] {args.out}: {len(rows)} letters ({args.lang}, seed {args.seed})", file=sys.stderr)


if __name__ == "__main__":
    main()
