<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="fr">
<context>
    <name>QtRetrievalDock</name>
    <message>
        <source>Retrieved segments</source>
        <translation>Segments extraits</translation>
    </message>
    <message>
        <source>&amp;Retrieved segments</source>
        <translation>Segments extraits (&amp;R)</translation>
    </message>
</context>
<context>
    <name>QtRetrievalPanel</name>
    <message>
        <source>The library has changed since; these rows may be out of date. Press F5 to run the query again.</source>
        <extracomment>What the view says once the library changed after a run.</extracomment>
        <translation>La bibliothèque a changé depuis ; ces lignes sont peut-être périmées. F5 relance la requête.</translation>
    </message>
    <message>
        <source>Retrieved segments</source>
        <translation>Segments extraits</translation>
    </message>
    <message>
        <source>Retrieval query</source>
        <translation>Requête d’extraction</translation>
    </message>
    <message>
        <source>e.g. claim &amp; evidence, claim near/1 &quot;open question&quot;</source>
        <translation>p. ex. thèse &amp; preuve, thèse near/1 &quot;question ouverte&quot;</translation>
    </message>
    <message>
        <source>Operators, tightest first: near/N (within N sentences), &amp; (overlaps), - (overlaps none of), | (either); parentheses group. A PATH stands for its tag and the tags inside it; =PATH for that tag alone.</source>
        <translation>Opérateurs, du plus fort au plus faible : near/N (à N phrases au plus), &amp; (chevauche), - (ne chevauche aucun de), | (l’un ou l’autre) ; les parenthèses groupent. Un CHEMIN vaut pour son étiquette et celles qu’elle contient ; =CHEMIN pour cette étiquette seule.</translation>
    </message>
    <message>
        <source>R&amp;un</source>
        <translation>Exéc&amp;uter</translation>
    </message>
    <message>
        <source>Run the query</source>
        <translation>Exécuter la requête</translation>
    </message>
    <message>
        <source>Characters of context</source>
        <translation>Caractères de contexte</translation>
    </message>
    <message>
        <source> chars</source>
        <translation> caract.</translation>
    </message>
    <message>
        <source>Retrieval status</source>
        <translation>État de l’extraction</translation>
    </message>
    <message>
        <source>Retrieval progress</source>
        <translation>Progression de l’extraction</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Annuler</translation>
    </message>
    <message>
        <source>Cancel the retrieval</source>
        <translation>Annuler l’extraction</translation>
    </message>
    <message>
        <source>Retrieved segments table</source>
        <translation>Tableau des segments extraits</translation>
    </message>
    <message>
        <source>&amp;Query</source>
        <translation>Re&amp;quête</translation>
    </message>
    <message>
        <source>C&amp;oder</source>
        <translation>C&amp;odeur</translation>
    </message>
    <message>
        <source>&amp;In</source>
        <translation>Dans (&amp;I)</translation>
    </message>
    <message>
        <source>Conte&amp;xt</source>
        <translation>Conte&amp;xte</translation>
    </message>
    <message>
        <source>Run query</source>
        <translation>Exécuter la requête</translation>
    </message>
    <message>
        <source>Cancel retrieval</source>
        <translation>Annuler l’extraction</translation>
    </message>
    <message>
        <source>The library cannot be read: {error}</source>
        <translation>La bibliothèque ne peut pas être lue : {error}</translation>
    </message>
    <message>
        <source>Retrieving…</source>
        <translation>Extraction…</translation>
    </message>
    <message>
        <source>Cancelled; the rows are those of the last run.</source>
        <translation>Annulé ; les lignes sont celles de la dernière exécution.</translation>
    </message>
    <message numerus="yes">
        <source>in %Ln document(s)</source>
        <translation>
            <numerusform>dans %Ln document</numerusform>
            <numerusform>dans %Ln documents</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln segment(s) {in_documents}.</source>
        <translation>
            <numerusform>%Ln segment {in_documents}.</numerusform>
            <numerusform>%Ln segments {in_documents}.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>QtSegmentsModel</name>
    <message>
        <source>Document</source>
        <extracomment>Characters of context or quote a cell shows (a tooltip and Copy/Export have them whole). The role the proxy sorts by: a text with the row number last, so equal keys keep the retrieval&apos;s order.</extracomment>
        <translation>Document</translation>
    </message>
    <message>
        <source>Tag</source>
        <translation>Étiquette</translation>
    </message>
    <message>
        <source>Before</source>
        <translation>Avant</translation>
    </message>
    <message>
        <source>Quote</source>
        <translation>Citation</translation>
    </message>
    <message>
        <source>After</source>
        <translation>Après</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>Note</translation>
    </message>
    <message>
        <source>Coder</source>
        <translation>Codeur</translation>
    </message>
</context>
</TS>
