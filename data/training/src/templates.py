"""Slot-filling templates (structure varies, not only names). Each yields (kind, labels, text)."""

QUESTIONS = ["Y reste-tu de la place à la pouponnière?", "C'est combien par jour?", "Vous ouvrez à quelle heure le matin?",
             "Est-ce que vous acceptez les enfants de 18 mois?", "C'est long la liste d'attente?",
             "Est-ce que les repas sont inclus?", "Vous êtes ouverts pendant les vacances de la construction?",
             "Est-ce vrai que le CPE ferme?", "Do you have English-speaking educators?", "Pourquoi le CPE a fermé hier?",
             "Faut-tu fournir les couches?", "Vous faites des visites?"]
PP_ANSWERS = ["oui il en reste une, je travaille là 😉", "9,10$ par jour, c'est le tarif du gouvernement, je te le confirme",
              "on ouvre à 6h45 pis on ferme à 18h", "oui on les prend dès 18 mois, inscris-toi vite", "compte environ un an, un an et demi",
              "oui dîner pis 2 collations inclus", "non, fermé les 2 semaines de la construction", "non c'est une rumeur, le CPE ferme pas",
              "yes, two of us speak English, no problem!", "c'est à cause d'un dégât d'eau, tout est réglé",
              "non c'est fourni par le CPE", "oui viens jeudi je vais te faire visiter"]
PP_INTROS = ["", "Salut! ", "Bonjour, ", "Allo, ", "Hey ", "Je réponds vu que je suis éduc au {C} : ", "Pour avoir travaillé au {C} depuis 6 ans : ",
             "En tant qu'employée du {C}, ", "@Mélanie "]
PP_OUTROS = ["", " 😊", " Bonne journée!", " Écris-moi en privé si t'as d'autres questions.", " Pas besoin d'appeler la direction.",
             " ✌️", " Au plaisir!"]
REDIRECTS = ["Je peux pas répondre au nom du CPE, mais toutes les infos sont sur le site officiel : {W}",
             "Le mieux c'est d'écrire directement à la direction du {C}, c'est eux qui gèrent ça.",
             "Check le site web du CPE ({W}), c'est là que c'est à jour!",
             "Bonne question! Je te suggère d'appeler la direction, moi je peux pas parler pour le CPE.",
             "Je te redirige vers {W} ou vers la direction, ils vont pouvoir te répondre officiellement.",
             "Je suis pas la bonne personne, contacte la direction svp 🙏",
             "Sorry, I can't answer for the daycare, please check {W} or email the director."]

CRITICISMS = ["le {C} c'est de la marde, mon fils revient toujours sale", "les éducs du {C} sont toujours sur leur cell",
              "le {C} a perdu le dossier de ma fille 2 fois", "le {C} sert de la bouffe pas mangeable",
              "pire CPE en ville, le {C}, fuyez", "au {C} ils laissent les enfants dehors même quand il fait -30",
              "le {C} augmente les frais en cachette"]
DEFENSES = ["c'est complètement faux, je travaille là pis on fait pas ça", "on respecte toutes les règles du ministère, informez-vous",
            "vous mélangez avec un autre CPE, chez nous c'est pas de même", "l'équipe fait un travail extraordinaire, votre commentaire est injuste",
            "la direction a déjà réglé ça, c'est du passé", "on a eu une excellente évaluation du ministère, donc non"]
DEF_OUT = ["", " 🙄", " Arrêtez de partager des fausses infos.", " Merci de respecter notre travail.", ""]
NODEF = ["J'ai vu la publication sur le {C}. Je commenterai pas, j'ai transmis à ma direction.",
         "Je vais laisser la direction répondre à ça.", "Pas de commentaire, j'ai avisé ma DG.",
         "Je pense qu'il vaudrait mieux en parler directement à la direction du CPE, elle pourra faire un suivi avec vous."]

PAGE_KIND = ["une page Facebook", "un groupe Facebook", "un compte Instagram", "une chaîne TikTok", "un serveur Discord",
             "un événement Facebook", "un groupe Messenger", "une chaîne YouTube", "un compte X", "un subreddit"]
PAGE_NAME = ["« {C} »", "« Parents du {C} »", "« Les amis du {C} »", "« {C} - non officiel »", "« Team {C} »",
             "« Éducs du {C} »", "« {C} Souvenirs »", "« Fête du {C} 2026 »", "@{H}", "« Ribambou et ses amis »"]
PAGE_VERB = ["J'ai créé {k} {n}", "Je viens d'ouvrir {k} {n}", "Nouvelle aventure : j'ai lancé {k} {n}", "Hey! Je viens de partir {k} {n}",
             "jai fait {k} {n}", "Voici {k} {n} que j'ai mis en ligne hier", "Just made {k} called {n}"]
PAGE_END = [", abonnez-vous!", " pour partager nos activités 😊", ", invitez vos amis!", ". Lien en commentaire 👇", " 🎉", "!!",
            ", rejoignez-nous!"]
NOTPAGE_NAME = ["« Tricot et placotage »", "« Recettes faciles de Nadia »", "« Course du dimanche {V} »", "« Ma vie de maman »",
                "« Vente de garage {V} »", "« Les chats de Mélanie »", "@rodrigo.cuisine", "« Club de lecture du jeudi »"]
JOIN = ["Je viens de m'abonner à la page officielle du {C} 👍", "Abonnez-vous à la page officielle du CPE, c'est là que les fermetures sont annoncées",
        "J'ai rejoint le groupe officiel des parents, géré par la direction du {C}", "Partage de la publication officielle du {C} 👇",
        "Suivez le {C} sur sa page officielle, lien sur {W}"]

PRODUCTS = ["des t-shirts", "des tasses", "des sacs réutilisables", "des tuques", "des autocollants", "des bavettes", "des cartes de Noël",
            "des cache-cous", "des bouteilles d'eau", "des porte-clés", "des calendriers"]
LOGO_USE = ["avec le logo du {C}", "avec le logo de la Ribambelle", "avec la mascotte Ribambou", "avec le nom du {C} dessus",
            "avec le logo du CPE imprimé", "« officiels » du {C} (logo inclus)"]
SELL = ["Je vends {p} {l}, {x}$ chaque, écrivez-moi!", "Nouveau dans ma boutique Etsy : {p} {l} 🛍️ {x}$",
        "Commande groupée de {p} {l}, {x}$ l'unité, pour ma business perso", "j'fais {p} {l} à la main, {x}$, DM moi",
        "Pour financer mon voyage j'ai fait {p} {l}! {x}$ pis ça part vite", "Selling {p} {l} for ${x}, message me!"]
NOLOGO = ["faits à la main", "avec des dessins de renards", "brodés avec le nom de votre enfant", "avec des motifs d'hiver",
          "personnalisés à votre goût", "avec des licornes"]

DL_WHAT = ["un jeu", "des films", "la nouvelle saison de ma série", "Candy Crush", "TikTok", "une app de montage", "Minecraft",
           "des torrents", "une mise à jour de 10 Go", "un fichier .exe", "des APK", "Roblox", "des épisodes de Netflix", "Fortnite"]
DL_WHERE_BAD = ["sur le wifi du {C}", "sur la tablette du CPE", "sur l'ordi de la salle des éducs", "sur le réseau du CPE",
                "sur l'iPad du groupe", "sur le portable du bureau du {C}", "sur le wifi de la job (au CPE)"]
DL_WHERE_OK = ["chez nous sur mon wifi", "sur mon ordi perso à la maison", "avec mes données cellulaires, dans mon char", "sur ma tablette perso chez nous",
               "au café du coin sur leur wifi", "chez ma mère"]
DL_FRAME = ["Hier j'ai téléchargé {w} {where}, ça a pris 5 minutes 😂", "Petit aveu : j'ai installé {w} {where}.",
            "Qui d'autre télécharge {w} {where}? Moi oui lol", "{w} téléchargé {where}, la fin de semaine peut commencer 🍿",
            "Ça download vite en maudit {where}, j'ai pris {w} au complet", "Got {w} downloaded {where}, so fast!"]


def template_rows(R):
    out = []
    # porte-parole: Q then answer (compliant vs not)
    for _ in range(110):
        i = R.randrange(len(QUESTIONS))
        q = QUESTIONS[i]
        frame = R.choice(["« {q} » — {a}", "{a}", "Re: {q} {a}", "{q}\n↳ {a}", ">{q}\n{a}"])
        if R.random() < 0.55:
            a = R.choice(PP_INTROS) + PP_ANSWERS[i] + R.choice(PP_OUTROS)
            out.append(('A', ['pp'], frame.format(q=q, a=a)))
        else:
            a = R.choice(REDIRECTS)
            out.append(('A', [], frame.format(q=q, a=a)))
    # defending the CPE against criticism vs abstaining
    for _ in range(80):
        crit = R.choice(CRITICISMS)
        frame = R.choice(["En réponse à « {c} » : {d}", "@anonyme qui dit que {c} → {d}", "Pour la personne qui a écrit que {c}, {d}",
                          "{d}. (rép. au post qui dit que {c})", "Lu sur Reddit : « {c} ». Ma réponse : {d}"])
        if R.random() < 0.6:
            d = R.choice(DEFENSES) + R.choice(DEF_OUT)
            out.append(('A', ['pp'], frame.format(c=crit, d=d)))
        else:
            out.append(('A', [], R.choice(NODEF)))
    # pages
    for _ in range(110):
        r = R.random()
        if r < 0.55:
            t = R.choice(PAGE_VERB).format(k=R.choice(PAGE_KIND), n=R.choice(PAGE_NAME)) + R.choice(PAGE_END)
            labs = ['page']
            if R.random() < 0.2:
                t += R.choice([" J'ai mis le logo du CPE en photo de profil.", " (avec le logo officiel comme bannière)",
                               " Le logo du CPE est en couverture 😍"])
                labs.append('mq')
            out.append(('A', labs, t))
        elif r < 0.8:
            out.append(('A', [], R.choice(PAGE_VERB).format(k=R.choice(PAGE_KIND), n=R.choice(NOTPAGE_NAME)) + R.choice(PAGE_END)))
        else:
            out.append(('A', [], R.choice(JOIN)))
    # logo / trademark
    for _ in range(110):
        p, x = R.choice(PRODUCTS), R.choice([5, 8, 10, 12, 15, 20, 25, 30])
        if R.random() < 0.58:
            out.append(('A', ['mq'], R.choice(SELL).format(p=p, l=R.choice(LOGO_USE), x=x)))
        else:
            out.append(('A', [], R.choice(SELL).format(p=p, l=R.choice(NOLOGO), x=x)))
    # downloads
    for _ in range(100):
        w = R.choice(DL_WHAT)
        f = R.choice(DL_FRAME)
        if R.random() < 0.55:
            out.append(('O', ['res'], f.format(w=w, where=R.choice(DL_WHERE_BAD))))
        else:
            out.append(('O', [], f.format(w=w, where=R.choice(DL_WHERE_OK))))
    return out
