package org.campuslake.seed.gen;

import java.util.List;
import java.util.Map;

/** Facts the generator draws from: places, regions, subjects, sectors. Not personal data. */
final class ReferenceData {
    private ReferenceData() {}

    record Place(String city, String region) {}

    /** Campus cities in opening order: the first N are used at a given scale. */
    static final List<Place> CAMPUS_CITIES = List.of(
            new Place("Paris", "Île-de-France"),
            new Place("Lyon", "Auvergne-Rhône-Alpes"),
            new Place("Marseille", "Provence-Alpes-Côte d'Azur"),
            new Place("Toulouse", "Occitanie"),
            new Place("Nantes", "Pays de la Loire"),
            new Place("Lille", "Hauts-de-France"),
            new Place("Bordeaux", "Nouvelle-Aquitaine"),
            new Place("Strasbourg", "Grand Est"),
            new Place("Rennes", "Bretagne"),
            new Place("Montpellier", "Occitanie"),
            new Place("Grenoble", "Auvergne-Rhône-Alpes"),
            new Place("Rouen", "Normandie"),
            new Place("Dijon", "Bourgogne-Franche-Comté"),
            new Place("Tours", "Centre-Val de Loire"),
            new Place("Nice", "Provence-Alpes-Côte d'Azur"),
            new Place("Reims", "Grand Est"),
            new Place("Angers", "Pays de la Loire"),
            new Place("Brest", "Bretagne"),
            new Place("Caen", "Normandie"),
            new Place("Orléans", "Centre-Val de Loire"));

    /** Share of 2nd/3rd-year students who sign an apprenticeship: the regional labour markets differ. */
    static final Map<String, Double> APPRENTICESHIP_RATE = Map.ofEntries(
            Map.entry("Île-de-France", 0.55),
            Map.entry("Auvergne-Rhône-Alpes", 0.50),
            Map.entry("Provence-Alpes-Côte d'Azur", 0.28),
            Map.entry("Occitanie", 0.33),
            Map.entry("Pays de la Loire", 0.58),
            Map.entry("Hauts-de-France", 0.38),
            Map.entry("Nouvelle-Aquitaine", 0.36),
            Map.entry("Grand Est", 0.47),
            Map.entry("Bretagne", 0.52),
            Map.entry("Normandie", 0.42),
            Map.entry("Bourgogne-Franche-Comté", 0.31),
            Map.entry("Centre-Val de Loire", 0.34));

    /** Other towns per region: where students come from and companies sit. */
    static final Map<String, List<String>> TOWNS = Map.ofEntries(
            Map.entry("Île-de-France", List.of("Paris", "Versailles", "Créteil", "Saint-Denis", "Nanterre")),
            Map.entry("Auvergne-Rhône-Alpes", List.of("Lyon", "Grenoble", "Saint-Étienne", "Clermont-Ferrand")),
            Map.entry("Provence-Alpes-Côte d'Azur", List.of("Marseille", "Nice", "Toulon", "Avignon")),
            Map.entry("Occitanie", List.of("Toulouse", "Montpellier", "Nîmes", "Perpignan")),
            Map.entry("Pays de la Loire", List.of("Nantes", "Angers", "Le Mans", "Saint-Nazaire")),
            Map.entry("Hauts-de-France", List.of("Lille", "Amiens", "Roubaix", "Dunkerque")),
            Map.entry("Nouvelle-Aquitaine", List.of("Bordeaux", "Limoges", "Poitiers", "La Rochelle")),
            Map.entry("Grand Est", List.of("Strasbourg", "Reims", "Metz", "Nancy")),
            Map.entry("Bretagne", List.of("Rennes", "Brest", "Vannes", "Lorient")),
            Map.entry("Normandie", List.of("Rouen", "Caen", "Le Havre", "Cherbourg")),
            Map.entry("Bourgogne-Franche-Comté", List.of("Dijon", "Besançon", "Auxerre")),
            Map.entry("Centre-Val de Loire", List.of("Tours", "Orléans", "Bourges", "Blois")));

    /** Namesakes of French lycées: institutions of origin are "Lycée X, Town". */
    static final List<String> LYCEE_NAMESAKES = List.of(
            "Victor Hugo", "Jean Moulin", "Jules Ferry", "Marie Curie", "Louis Pasteur", "Voltaire", "Condorcet",
            "Montesquieu", "Jean Jaurès", "Camille Claudel", "Simone Veil", "George Sand", "Albert Camus",
            "Paul Valéry", "Jean Monnet", "Descartes", "Molière", "Gustave Eiffel", "Louise Michel", "Émile Zola",
            "Jacques Prévert", "Antoine de Saint-Exupéry", "Colbert", "Lavoisier", "Rosa Parks");

    record SubjectDef(String code, String name, int level, int credits, String speciality) {}

    static final List<SubjectDef> SUBJECTS = List.of(
            new SubjectDef("INF101", "Algorithmique", 1, 6, "Informatique"),
            new SubjectDef("MAT101", "Mathématiques discrètes", 1, 5, "Mathématiques"),
            new SubjectDef("INF102", "Bases de données", 1, 5, "Informatique"),
            new SubjectDef("WEB101", "Développement web", 1, 5, "Informatique"),
            new SubjectDef("SYS101", "Systèmes d'exploitation", 1, 4, "Systèmes et réseaux"),
            new SubjectDef("ANG101", "Anglais professionnel", 1, 3, "Langues"),
            new SubjectDef("COM101", "Communication écrite et orale", 1, 3, "Communication"),
            new SubjectDef("ECO101", "Économie d'entreprise", 1, 3, "Gestion"),
            new SubjectDef("INF201", "Programmation orientée objet", 2, 6, "Informatique"),
            new SubjectDef("NET201", "Réseaux", 2, 5, "Systèmes et réseaux"),
            new SubjectDef("MAT201", "Statistiques", 2, 5, "Mathématiques"),
            new SubjectDef("GES201", "Gestion de projet", 2, 4, "Gestion"),
            new SubjectDef("INF202", "Génie logiciel", 2, 5, "Informatique"),
            new SubjectDef("DRT201", "Droit du numérique", 2, 3, "Gestion"),
            new SubjectDef("ANG201", "Anglais technique", 2, 3, "Langues"),
            new SubjectDef("MKT201", "Marketing digital", 2, 3, "Communication"),
            new SubjectDef("DAT301", "Big Data", 3, 6, "Informatique"),
            new SubjectDef("CLD301", "Cloud computing", 3, 5, "Systèmes et réseaux"),
            new SubjectDef("SEC301", "Cybersécurité", 3, 5, "Systèmes et réseaux"),
            new SubjectDef("IAA301", "Intelligence artificielle", 3, 6, "Mathématiques"),
            new SubjectDef("ARC301", "Architecture logicielle", 3, 5, "Informatique"),
            new SubjectDef("MGT301", "Management d'équipe", 3, 3, "Gestion"),
            new SubjectDef("ENT301", "Entrepreneuriat", 3, 3, "Gestion"),
            new SubjectDef("PFE301", "Projet de fin d'études", 3, 6, "Informatique"));

    static final List<String> SECTORS = List.of(
            "Services numériques", "Banque et assurance", "Industrie", "Commerce et distribution", "Santé",
            "Énergie", "Transport et logistique", "Télécommunications", "Conseil", "Secteur public",
            "Médias", "Aéronautique", "Agroalimentaire", "Immobilier", "Tourisme");

    static final List<String> MAIL_DOMAINS = List.of(
            "gmail.com", "orange.fr", "free.fr", "hotmail.fr", "laposte.net", "outlook.fr", "yahoo.fr", "sfr.fr");

    static final String SCHOOL_DOMAIN = "campuslake.fr";

    /*
     * Datafaker's French locale has one mixed first-name list (its gendered methods fall back to English), so
     * first names by gender come from here: common names given in France around 2000-2010.
     */
    static final List<String> FEMALE_FIRST_NAMES = List.of(
            "Léa", "Manon", "Chloé", "Emma", "Camille", "Inès", "Sarah", "Jade", "Lola", "Anaïs", "Lucie", "Océane",
            "Marie", "Eva", "Romane", "Lisa", "Zoé", "Julie", "Mathilde", "Louise", "Juliette", "Clémence", "Célia",
            "Laura", "Léna", "Maëlys", "Charlotte", "Ambre", "Pauline", "Lina", "Jeanne", "Noémie", "Justine",
            "Elisa", "Alice", "Émilie", "Carla", "Maëlle", "Alicia", "Mélissa", "Clara", "Margaux", "Lou", "Louna",
            "Anna", "Capucine", "Salomé", "Agathe", "Héloïse", "Yasmine", "Amandine", "Marine", "Laurine", "Fanny");
    static final List<String> MALE_FIRST_NAMES = List.of(
            "Enzo", "Lucas", "Mathis", "Nathan", "Thomas", "Hugo", "Théo", "Tom", "Louis", "Raphaël", "Clément",
            "Léo", "Mathéo", "Maxime", "Alexandre", "Antoine", "Yanis", "Paul", "Baptiste", "Alexis", "Gabriel",
            "Arthur", "Jules", "Ethan", "Noah", "Quentin", "Axel", "Evan", "Romain", "Valentin", "Maxence", "Adam",
            "Nicolas", "Julien", "Maël", "Pierre", "Rayan", "Victor", "Mohamed", "Adrien", "Kylian", "Sacha",
            "Benjamin", "Florian", "Kevin", "Dylan", "Corentin", "Bastien", "Jérémy", "Loïc", "Malo", "Titouan");
}
