<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="fr">
<context>
    <name>QtLibrarySearch</name>
    <message>
        <source>Search the library</source>
        <extracomment>Auto-code asked for: the hits chosen (a list of :class:`SearchHit`), or, with none chosen, every hit of the search shown: (query, scope, the SHA-256 of every text when it was searched).</extracomment>
        <translation>Rechercher dans la bibliothèque</translation>
    </message>
    <message>
        <source>Search the library for</source>
        <translation>Rechercher dans la bibliothèque</translation>
    </message>
    <message>
        <source>Search every document (Enter)</source>
        <translation>Rechercher dans tous les documents (Entrée)</translation>
    </message>
    <message>
        <source>Search</source>
        <translation>Rechercher</translation>
    </message>
    <message>
        <source>Search in</source>
        <translation>Rechercher dans</translation>
    </message>
    <message>
        <source>Whole library</source>
        <translation>Toute la bibliothèque</translation>
    </message>
    <message>
        <source>Set</source>
        <translation>Ensemble</translation>
    </message>
    <message>
        <source>Selected documents</source>
        <translation>Documents sélectionnés</translation>
    </message>
    <message>
        <source>Documents where</source>
        <translation>Documents où</translation>
    </message>
    <message>
        <source>Set to search</source>
        <translation>Ensemble à parcourir</translation>
    </message>
    <message>
        <source>Attribute</source>
        <translation>Attribut</translation>
    </message>
    <message>
        <source>Attribute value</source>
        <translation>Valeur d’attribut</translation>
    </message>
    <message>
        <source>value (empty: any)</source>
        <translation>valeur (vide : toute)</translation>
    </message>
    <message>
        <source>&lt;u&gt;I&lt;/u&gt;n:</source>
        <translation>Dans (&lt;u&gt;I&lt;/u&gt;) :</translation>
    </message>
    <message>
        <source>Saved searches</source>
        <translation>Recherches enregistrées</translation>
    </message>
    <message>
        <source>Saved searc&lt;u&gt;h&lt;/u&gt;:</source>
        <translation>Rec&lt;u&gt;h&lt;/u&gt;erche enregistrée :</translation>
    </message>
    <message>
        <source>Run</source>
        <translation>Exécuter</translation>
    </message>
    <message>
        <source>Run the saved search chosen (Alt+U)</source>
        <translation>Exécuter la recherche enregistrée choisie (Alt+U)</translation>
    </message>
    <message>
        <source>Run saved search</source>
        <translation>Exécuter la recherche enregistrée</translation>
    </message>
    <message>
        <source>Save as…</source>
        <translation>Enregistrer sous…</translation>
    </message>
    <message>
        <source>Save this search in the library (Alt+A)</source>
        <translation>Enregistrer cette recherche dans la bibliothèque (Alt+A)</translation>
    </message>
    <message>
        <source>Save this search as</source>
        <translation>Enregistrer cette recherche sous</translation>
    </message>
    <message>
        <source>Rename…</source>
        <translation>Renommer…</translation>
    </message>
    <message>
        <source>Rename saved search</source>
        <translation>Renommer la recherche enregistrée</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>Supprimer</translation>
    </message>
    <message>
        <source>Delete saved search</source>
        <translation>Supprimer la recherche enregistrée</translation>
    </message>
    <message>
        <source>Auto-code…</source>
        <translation>Codage automatique…</translation>
    </message>
    <message>
        <source>Auto-code the hits</source>
        <translation>Coder automatiquement les occurrences</translation>
    </message>
    <message>
        <source>Tag the selected hits, or every hit found, with one tag (Alt+O)</source>
        <translation>Étiqueter les occurrences sélectionnées, ou toutes celles trouvées, avec une étiquette (Alt+O)</translation>
    </message>
    <message>
        <source>Search results</source>
        <translation>Résultats de la recherche</translation>
    </message>
    <message>
        <source>Copy the selected hits</source>
        <translation>Copier les occurrences sélectionnées</translation>
    </message>
    <message>
        <source>Search progress</source>
        <translation>Progression de la recherche</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Annuler</translation>
    </message>
    <message>
        <source>Cancel the search</source>
        <translation>Annuler la recherche</translation>
    </message>
    <message>
        <source>Stop searching (Esc)</source>
        <translation>Arrêter la recherche (Échap)</translation>
    </message>
    <message>
        <source>Search result</source>
        <translation>Résultat de la recherche</translation>
    </message>
    <message>
        <source>Results out of date</source>
        <translation>Résultats périmés</translation>
    </message>
    <message>
        <source>Search again</source>
        <translation>Rechercher à nouveau</translation>
    </message>
    <message>
        <source>Wait for the search to end (or cancel it) before auto-coding its hits.</source>
        <translation>Attendez la fin de la recherche (ou annulez-la) avant de coder automatiquement ses occurrences.</translation>
    </message>
    <message>
        <source>Search first: auto-code tags the hits found.</source>
        <translation>Recherchez d’abord : le codage automatique étiquette les occurrences trouvées.</translation>
    </message>
    <message>
        <source>select documents in the library list first, or search another scope</source>
        <translation>sélectionnez d’abord des documents dans la liste de la bibliothèque, ou cherchez dans une autre portée</translation>
    </message>
    <message>
        <source>the library has no set yet</source>
        <translation>la bibliothèque n’a pas encore d’ensemble</translation>
    </message>
    <message>
        <source>the library has no attribute yet</source>
        <translation>la bibliothèque n’a pas encore d’attribut</translation>
    </message>
    <message>
        <source>Searching…</source>
        <translation>Recherche…</translation>
    </message>
    <message>
        <source>Cancelled: {found} found before stopping.</source>
        <translation>Annulé : {found} trouvés avant l’arrêt.</translation>
    </message>
    <message>
        <source>Searching… {found} so far</source>
        <translation>Recherche… {found} jusqu’ici</translation>
    </message>
    <message>
        <source>No hits</source>
        <translation>Aucune occurrence</translation>
    </message>
    <message numerus="yes">
        <source>in %Ln document(s)</source>
        <translation>
            <numerusform>dans %Ln document</numerusform>
            <numerusform>dans %Ln documents</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln hit(s) {in_documents}</source>
        <translation>
            <numerusform>%Ln occurrence {in_documents}</numerusform>
            <numerusform>%Ln occurrences {in_documents}</numerusform>
        </translation>
    </message>
    <message>
        <source>⚠ The library changed since this search: these results may be out of date (F5 searches again).</source>
        <translation>⚠ La bibliothèque a changé depuis cette recherche : ces résultats sont peut-être périmés (F5 relance la recherche).</translation>
    </message>
    <message>
        <source>Choose a saved search first.</source>
        <translation>Choisissez d’abord une recherche enregistrée.</translation>
    </message>
    <message>
        <source>As saved</source>
        <translation>Comme enregistrée</translation>
    </message>
    <message>
        <source>Save search</source>
        <translation>Enregistrer la recherche</translation>
    </message>
    <message>
        <source>Name of this search:</source>
        <translation>Nom de cette recherche :</translation>
    </message>
    <message>
        <source>Not saved: {error}</source>
        <translation>Non enregistrée : {error}</translation>
    </message>
    <message>
        <source>Saved the search “{name}”.</source>
        <translation>Recherche « {name} » enregistrée.</translation>
    </message>
    <message>
        <source>New name:</source>
        <translation>Nouveau nom :</translation>
    </message>
    <message>
        <source>Not renamed: {error}</source>
        <translation>Non renommée : {error}</translation>
    </message>
    <message>
        <source>Renamed the saved search “{old}” to “{new}”.</source>
        <translation>Recherche enregistrée « {old} » renommée en « {new} ».</translation>
    </message>
    <message>
        <source>Not deleted: {error}</source>
        <translation>Non supprimée : {error}</translation>
    </message>
    <message>
        <source>Deleted the saved search “{name}”.</source>
        <translation>Recherche enregistrée « {name} » supprimée.</translation>
    </message>
</context>
<context>
    <name>QtSearchResultsModel</name>
    <message>
        <source>Before</source>
        <extracomment>How often (seconds) the search thread hands what it found to the window: often enough to look live, seldom enough that 1,000 documents are not 1,000 model inserts. The scope chooser&apos;s entries, in order; the last is there once a saved search had a scope the others cannot show (given documents, a set and an attribute value together). The columns&apos; headers (translated when shown).</extracomment>
        <translation>Avant</translation>
    </message>
    <message>
        <source>Hit</source>
        <translation>Occurrence</translation>
    </message>
    <message>
        <source>After</source>
        <translation>Après</translation>
    </message>
    <message numerus="yes">
        <source>{title} — %Ln hit(s)</source>
        <translation>
            <numerusform>{title} — %Ln occurrence</numerusform>
            <numerusform>{title} — %Ln occurrences</numerusform>
        </translation>
    </message>
    <message>
        <source> (changed since the search)</source>
        <translation> (modifié depuis la recherche)</translation>
    </message>
</context>
</TS>
