"""Slot-filling templates for part A. Structures vary (statement, question, reply, list, hashtag)."""

RENS = ["5.ii.renseignements"]

CHILD_REF = ["{E}", "le petit {Em}", "la petite {Ef}", "{E} (3 ans)", "mon coco {Em}", "ma cocotte {Ef}",
             "{E} du groupe des Hiboux", "{E} de mon groupe", "le petit {Em} de la pouponnière",
             "ti-{Em}", "{E}, 2 ans,", "mon beau {Em}", "ma belle {Ef}", "{EN}", "la petite {Ef} aux Papillons"]
OWN_REF = ["mon fils", "ma fille", "mon plus vieux", "ma plus jeune", "mon bébé", "mon garçon de 3 ans",
           "ma grande de 4 ans", "mon petit dernier", "ma cocotte à moi", "mon gars"]
# facts that work for "X <fact>" with a child subject, gender-neutral
CHILD_FACTS = [
    "a mordu trois amis avant la collation", "a fait une crise de 45 minutes au dîner",
    "a reçu un diagnostic de TSA cette semaine", "est allergique aux arachides pis aux noix",
    "a commencé la médication pour son TDAH", "vit en garde partagée depuis la séparation de ses parents",
    "a la varicelle", "a encore des poux", "a fait ses premiers pas", "a dormi trois heures à la sieste",
    "a été propre toute la semaine", "a fait une réaction allergique au dîner, on a dû utiliser l'épipen",
    "est en attente d'une évaluation en pédopsychiatrie", "prend du Ventolin deux fois par jour",
    "a vomi partout dans l'auto de sa grand-mère", "a fait une otite, la 5e cette année",
    "a un retard de langage, on attend l'orthophoniste depuis un an", "a fait de l'eczéma sur tout le dos",
    "a pleuré toute la journée depuis que son père est parti de la maison", "a un plan d'intervention pour son comportement",
    "a eu 4 points de suture au menton", "parle maintenant trois langues", "a peur du noir depuis le déménagement",
    "a fait pipi au lit trois nuits d'affilée", "fait de l'épilepsie, on a un protocole", "porte des lunettes depuis lundi",
    "a une intolérance au lactose", "a été opéré aux oreilles", "a commencé l'ergothérapie",
    "a dit son premier mot complet", "a une dent qui perce, grosse nuit en vue", "a la gastro depuis mardi",
]
CHILD_OPEN = ["", "Aujourd'hui au CPE, ", "Petite nouvelle: ", "Ouf. ", "Devinez quoi, ", "Update: ",
              "Chu tellement fière, ", "Pensées pour ma gang: ", "Journée rough, ", "FYI les filles, ",
              "Juste pour vous dire que ", "Ben oui, ", "Mini-victoire du jour: ", "Bon. "]
CHILD_CLOSE = ["", " 😢", " 🎉", " 💛", ". On croise les doigts", ". Des conseils?", " lol", " 🙏",
               ". Journée de fou au CPE", ". Je vous tiens au courant", "!!", " #viedéduc", ". Ça me touche",
               ". Ses parents sont au courant"]
OWN_CLOSE = ["", " 😢", " 🎉", " 💛", ". On croise les doigts", ". Des conseils?", " lol", " 🙏",
             ". Vie de parent!", ". Je vous tiens au courant", "!!", " #viedemaman", ". Ça me touche",
             ". Merci pour vos messages"]

STAFF_REF = ["ma collègue {S}", "{SN}", "{S} de la pouponnière", "{S}, l'éduc des Poussins,", "notre cuisinière {S}",
             "{S} (éducatrice au CPE)", "ma partner de local {S}", "{Sm}, notre éducateur,", "la remplaçante {S}"]
ADULT_FACTS = [
    "est enceinte mais elle l'a pas encore annoncé", "est en arrêt de travail pour burnout",
    "commence ses traitements de chimio la semaine prochaine", "gagne juste 21$ de l'heure après 9 ans",
    "se sépare de son mari", "a raté son évaluation de probation", "a des crises de panique au travail",
    "est absente cette semaine pour une opération", "reste au 245 rue Brassard", "a un 2e emploi le soir chez Tim",
    "est en dépression depuis la mort de sa mère", "prend des médicaments pour l'anxiété",
    "est absente parce que son fils est hospitalisé", "a fait une fausse couche", "vit avec une maladie de Crohn",
    "a des problèmes d'alcool", "a son numéro dans le bottin: 418-275-", "est en procédure de divorce",
    "a été hospitalisée en psychiatrie l'an passé", "est en retour progressif après une commotion",
]
PARENT_REF = ["la mère de {Ef}", "le père de {Em}", "{Pf}", "{Pm}", "la maman de {E}", "le papa de {E}",
              "{Pf}, une maman du CPE,", "{Pm}, un papa de mon groupe,"]
PARENT_FACTS = [
    "vient de perdre sa job", "est en pleine séparation", "est en maison d'hébergement avec les enfants",
    "a un cancer", "reste au 312 rue Ste-Anne", "sort de prison", "est enceinte de jumeaux",
    "est sur l'aide sociale depuis l'an passé", "a une ordonnance de non-contact", "est suivi en santé mentale",
    "a perdu son permis pour alcool au volant", "a un nouveau chum qui vient chercher la petite",
]

WARM = ["Merci {S} pour {thing}", "Un gros merci à {SN} pour {thing}", "Bravo {S} pour {thing}!",
        "Merci mille fois {Sm} pour {thing}", "{S}, merci pour {thing} 💛", "Shout out à {S} pour {thing}",
        "Merci à la directrice {dg} pour {thing}", "Reconnaissance du jour: {S}, pour {thing} 🙏"]
WARM_THING = ["le café ce matin", "ton aide avec le déménagement du local", "les muffins au dîner d'équipe",
              "ta bonne humeur contagieuse", "le covoiturage cette semaine", "la belle formation de lundi",
              "les décorations de Noël", "ton écoute quand ça allait pas", "l'organisation du 5 à 7",
              "le prêt de ton livre de recettes", "le lift sous la pluie", "la playlist du party"]

GOV = ["Le gouvernement", "Le ministère de la Famille", "Québec", "La CAQ", "Le ministre", "Le Conseil du trésor"]
GOV_COMPLAINT = ["sous-finance le réseau des CPE depuis des années", "promet des places qu'on voit jamais",
                 "traite les éducatrices comme du cheap labor", "fait des annonces mais les listes d'attente allongent",
                 "doit rehausser les salaires des éducatrices maintenant", "oublie les services de garde en milieu familial",
                 "nous dit qu'on est essentielles mais nous paie comme si on l'était pas"]
GOV_CLOSE = ["", ". #valorisonsleseducatrices", " 😡", ". Partagez!", ". Faut que ça change", " ✊", ". Signez la pétition"]

CRIT_OPEN = ["Encore une fois, ", "Franchement, ", "Je suis tannée: ", "Vent de fin de semaine: ", "Honnêtement, ",
             "Petite plainte du soir: ", "Pas fière de mon milieu: ", "Décourageant: ", "", "Bon ben "]
CRIT_ISSUE = ["au CPE on manque de remplaçantes pis on travaille hors ratio", "ma direction change l'horaire à la dernière minute",
              "les parents de mon groupe oublient toujours le linge de rechange", "le local des bébés est trop chaud pis personne fait rien",
              "on a pas de matériel pour les bricolages à mon CPE", "les réunions au CPE sont toujours le soir pis pas payées",
              "mon CPE refuse encore nos vacances d'été", "la bouffe à la garderie est de plus en plus ordinaire",
              "la communication au CPE est inexistante", "le roulement de personnel à mon CPE est rendu ridicule",
              "les parents arrivent en retard pis s'excusent même pas", "la cour du CPE est pleine de trous depuis des mois",
              "à mon CPE personne nous écoute quand on parle de sécurité", "les collègues du soir laissent tout à l'envers",
              "la coordonnatrice du CPE nous surveille comme des enfants", "le CPE nous demande toujours plus avec moins"]
CRIT_CLOSE = ["", ".", " 🙄", " 😤", ". Je suis épuisée", ". Ça peut pas continuer de même", ". Qui d'autre vit ça?",
              " #fatiguée", ". Je vais finir par partir", ". Ça use."]

HARC_TARGET = ["{S}", "La directrice {dg}", "{SN}", "Ma collègue {S}", "{Sm}", "Les éducs de {conc}", "La direction du {CPE}",
               "{Pm}", "{Pf}", "La coordo {S}", "Le père d'un de mes cocos", "{Pm}, le papa qui crie au vestiaire,"]
HARC_MALE = {"{Sm}", "{Pm}", "Le père d'un de mes cocos", "{Pm}, le papa qui crie au vestiaire,"}
HARC_PRED_M = ["est un incompétent fini", "mérite de se faire sortir à coups de pied", "c'est un vrai porc",
               "est trop cave pour être parent", "va payer pour ce qu'il m'a fait, je sais où il reste",
               "devrait retourner dans son pays", "est un gros lâche qui vole son salaire", "a une face à fesser dedans",
               "est un menteur pis tout le monde devrait le savoir", "va le regretter, je vous le promets"]
FEM_WORDS = ["enceinte", "fausse couche", "hospitalisée", "son mari", "sa mère", "nouveau chum"]
HARC_PRED = ["est une incompétente finie", "mérite de se faire mettre dehors à coups de pied", "c'est une vraie vache",
             "est trop conne pour travailler avec des enfants", "va payer pour ce qu'elle m'a fait, je sais où elle reste",
             "devrait retourner dans son pays", "est une grosse paresseuse qui vole son salaire", "c'est une bande d'hypocrites",
             "a une face à fesser dedans", "est une menteuse pis tout le monde devrait le savoir",
             "va le regretter, je vous le promets", "est une honte, boycottez", "pue pis s'habille comme la chienne à Jacques"]
HARC_CLOSE = ["", " 🤡", " 😡", ". Partagez!", " lol", ". Je l'ai dit.", " 🖕", ". Point final."]

CONF_MARK = ["Entre nous, ", "Chut 🤫 ", "Ça sort pas d'icitte mais ", "Info confidentielle: ", "Petite fuite: ",
             "Je devrais pas le dire mais ", "Off the record: ", "Pas encore annoncé, mais ", "Appris en réunion: "]
CONF_FACT = ["le CA a voté la fermeture du groupe des 18 mois", "le budget du CPE est à -60 000$ cette année",
             "la subvention pour l'agrandissement a été refusée", "la direction va abolir 3 postes en août",
             "le CPE achète le terrain d'à côté pour une 2e installation", "l'offre patronale aux négos c'est 1,8% sur 3 ans",
             "l'inspection du ministère a trouvé 5 manquements au CPE", "le CPE change de fournisseur alimentaire pour sauver 30 000$",
             "le CA veut fusionner avec {conc}", "les frais de sortie vont doubler l'an prochain, décision du CA d'hier",
             "la direction prépare un plan de restructuration de la pouponnière", "le surplus du CPE est de 150 000$ et ils le disent pas"]
CONF_CLOSE = ["", ".", " 🤫", ". Gardez ça pour vous", ". Ne partagez pas!", " 😬", ". Vous l'avez pas lu ici"]

IDENT = ["Comme directrice du {CPE}, je vous conseille {x}", "Je suis la coordonnatrice pédagogique des Petits Bourgeons, et je recommande {x}",
"En tant que gestionnaire au {CPE}, je trouve que {x}",
         "Moi qui suis responsable des admissions au CPE, je vous dis {x}", "Parlant comme membre du CA du CPE (pas vraiment lol): {x}"]
IDENT_X = ["de privilégier le jeu libre à la maison", "que les parents devraient lire davantage avec leurs enfants",
           "d'habiller vos enfants en pelures d'oignon", "que les écrans avant 2 ans c'est à éviter",
           "de garder vos enfants malades à la maison", "de préparer vos enfants à la maternelle dès 4 ans"]

NEUTRAL_ANEC = ["Un enfant de mon groupe m'a dit que la lune le suivait en auto 🌙", "Un ami m'a demandé si j'avais 100 ans aujourd'hui 😂",
                "Les cocos ont construit une tour de blocs plus grande qu'eux", "Mon groupe a découvert la neige collante, 2h de bonhommes de neige ☃️",
                "On a planté des tomates avec les amis, ils les arrosent chaque matin 🍅", "Une petite amie m'a offert un pissenlit, ma journée est faite 🌼",
                "Les enfants ont fait un spectacle de marionnettes pour les plus petits 🎭", "Un coco m'a demandé pourquoi le ciel est bleu. J'ai dit 'bonne question' 😅"]
NEUTRAL_CLOSE = ["", " #viedéduc", " ❤️", ". J'aime ma job", " 😂", ". Les enfants sont géniaux"]


def generate(R, fill, context):
    out = []
    def add(text, labels, ctx="mix"):
        out.append({"text": fill(text), "context": context(ctx), "labels": sorted(labels)})

    # child facts, identified (positive) vs own child (compliant) : same facts, contrastive pairs
    for i in range(135):
        f = R.choice(CHILD_FACTS)
        s = R.random()
        if s < 0.5:
            t = R.choice(CHILD_OPEN) + R.choice(CHILD_REF) + " " + f + R.choice(CHILD_CLOSE)
        elif s < 0.7:
            t = "@{X} " + R.choice(["oui, ", "non mais ", "pis ", "ben là, "]) + R.choice(CHILD_REF) + " " + f + R.choice(CHILD_CLOSE)
        elif s < 0.85:
            t = "Est-ce normal? " + R.choice(CHILD_REF) + " " + f + R.choice(["", " et je sais plus quoi faire", " pis ses parents s'inquiètent"])
        else:
            f2 = R.choice(CHILD_FACTS)
            t = "Bilan de la journée au CPE:\n- {E} " + f + "\n- {E2} " + f2 + "\n- moi: besoin d'un café ☕"
        t = t[0].upper() + t[1:]
        add(t, RENS, R.choice(["mix", "mix", "mix", "official"]) if s < 0.5 and R.random() < 0.1 else "mix")
    for i in range(120):
        f = R.choice(CHILD_FACTS)
        s = R.random()
        if s < 0.55:
            t = R.choice(["", "Ouf. ", "Petite nouvelle: ", "Update: ", "Devinez quoi, ", "Bon. "]) + R.choice(OWN_REF) + " " + f + R.choice(OWN_CLOSE)
        elif s < 0.8:
            t = "Est-ce normal? " + R.choice(OWN_REF) + " " + f + R.choice(["", " et je sais plus quoi faire", " pis on s'inquiète"])
        else:
            t = "@{X} " + R.choice(["oui, ", "moi aussi, ", "pareil chez nous, "]) + R.choice(OWN_REF) + " " + f + R.choice(OWN_CLOSE)
        t = t[0].upper() + t[1:]
        add(t, [], "mix")
    # adults with private facts vs warm mentions
    for i in range(70):
        s = R.random()
        if s < 0.6:
            ref = R.choice(STAFF_REF)
            facts = [f for f in ADULT_FACTS if not ("{Sm}" in ref and any(w in f for w in FEM_WORDS))]
            t = R.choice(["", "Pensées pour ", "Juste pour info, ", "Saviez-vous que ", "Pauvre ", "Wow, "]) + ref + " " + R.choice(facts)
        else:
            ref = R.choice(PARENT_REF)
            male = "{Pm}" in ref or "père" in ref or "papa" in ref
            facts = [f for f in PARENT_FACTS if not (male and any(w in f for w in FEM_WORDS))]
            t = R.choice(["", "Juste pour info, ", "Saviez-vous que ", "Pauvre ", "Au CPE on jase: "]) + ref + " " + R.choice(facts)
        t = t[0].upper() + t[1:]
        if "{E" in t or True:
            pass
        t = t.replace("418-275-", "418-275-" + str(R.randint(1000, 9999)))
        add(t + R.choice(["", ".", " 😢", " 🙏", "...", " (gardez ça pour vous)"]), RENS)
    for i in range(95):
        t = R.choice(WARM).replace("{thing}", R.choice(WARM_THING)) + R.choice(["", " ☺️", "!", " 💕", ". T'es la meilleure"])
        add(t, [], "mix")
    # government / network critique (compliant)
    for i in range(60):
        add(R.choice(GOV) + " " + R.choice(GOV_COMPLAINT) + R.choice(GOV_CLOSE), [], "mix")
    # neutral anecdotes (compliant)
    for i in range(30):
        add(R.choice(NEUTRAL_ANEC) + R.choice(NEUTRAL_CLOSE), [], "mix")
    # workplace venting
    for i in range(70):
        t = R.choice(CRIT_OPEN) + R.choice(CRIT_ISSUE) + R.choice(CRIT_CLOSE)
        t = t[0].upper() + t[1:]
        add(t, ["5.ii.critique-milieu"], "mix")
    # attacks
    for i in range(70):
        tgt = R.choice(HARC_TARGET)
        pred = R.choice(HARC_PRED_M if tgt in HARC_MALE else HARC_PRED)
        if tgt.startswith("Les éducs") or tgt.startswith("La direction"):
            pred = pred.replace("est une", "sont des").replace("c'est une vraie vache", "c'est une gang de vaches").replace(" est ", " sont ")
        if R.random() < 0.3:
            t = "@" + "{X} " + R.choice(["tu sais quoi? ", "franchement ", "ben oui "]) + tgt[0].lower() + tgt[1:] + " " + pred
        else:
            t = tgt + " " + pred
        add(t + R.choice(HARC_CLOSE), ["5.vi.harcelement"])
    # confidential
    for i in range(70):
        if R.random() < 0.6:
            t = R.choice(CONF_MARK) + R.choice(CONF_FACT) + R.choice(CONF_CLOSE)
        else:
            f = R.choice(CONF_FACT)
            t = f[0].upper() + f[1:] + R.choice([". Entre nous", ". Chut", " (confidentiel, c'est pas annoncé)", ". On l'a su au CA", ". Secret!"])
        t = t[0].upper() + t[1:]
        add(t, ["5.v.confidentiel"])
    # false function
    for i in range(35):
        add(R.choice(IDENT).replace("{x}", R.choice(IDENT_X)), ["5.iii.identite"], "lowrole")
    return out
