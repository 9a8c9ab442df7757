<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="fr">
<context>
    <name>QtAgreementDialog</name>
    <message>
        <source>The library has changed since; this table may be out of date. Compute again (Alt+M).</source>
        <extracomment>The dialog&apos;s title, and the exported table&apos;s (the table&apos;s stays English, as the report does). What the dialog says once the library changed after its table was computed.</extracomment>
        <translation>La bibliothèque a changé depuis ; ce tableau est peut-être périmé. Recalculez (Alt+M).</translation>
    </message>
    <message>
        <source>missing values</source>
        <extracomment>What the uncoded chooser offers, with the service&apos;s names.</extracomment>
        <translation>valeurs manquantes</translation>
    </message>
    <message>
        <source>a category of their own</source>
        <translation>une catégorie à part</translation>
    </message>
    <message>
        <source>character: every code point of the stored text, white space included</source>
        <extracomment>The units as the unit chooser offers them (the exported report says them in English: service.UNIT_TEXT).</extracomment>
        <translation>caractère : chaque point de code du texte stocké, espaces compris</translation>
    </message>
    <message>
        <source>word: the words as word frequencies read them</source>
        <translation>mot : les mots tels que les fréquences de mots les lisent</translation>
    </message>
    <message>
        <source>sentence: the sentences as search splits them</source>
        <translation>phrase : les phrases telles que la recherche les découpe</translation>
    </message>
    <message>
        <source>paragraph: the blocks between blank lines</source>
        <translation>paragraphe : les blocs entre lignes vides</translation>
    </message>
    <message>
        <source>Intercoder agreement</source>
        <translation>Accord inter-codeurs</translation>
    </message>
    <message>
        <source>Cancelled; the table is that of the last run.</source>
        <translation>Annulé ; le tableau est celui de la dernière exécution.</translation>
    </message>
    <message>
        <source>Coders to compare, two or more</source>
        <translation>Codeurs à comparer, deux ou plus</translation>
    </message>
    <message>
        <source>Tags to compare; none checked: every tag</source>
        <translation>Étiquettes à comparer ; aucune cochée : toutes</translation>
    </message>
    <message>
        <source>Documents</source>
        <translation>Documents</translation>
    </message>
    <message>
        <source>Unit</source>
        <translation>Unité</translation>
    </message>
    <message>
        <source>Cate&amp;gorical: the tags are the categories of one variable</source>
        <translation>Caté&amp;goriel : les étiquettes sont les catégories d’une variable</translation>
    </message>
    <message>
        <source>Categorical: the tags are the categories of one variable</source>
        <translation>Catégoriel : les étiquettes sont les catégories d’une variable</translation>
    </message>
    <message>
        <source>Uncoded units are</source>
        <translation>Unités non codées :</translation>
    </message>
    <message>
        <source>Co&amp;mpute</source>
        <translation>Calculer (&amp;M)</translation>
    </message>
    <message>
        <source>Compute agreement</source>
        <translation>Calculer l’accord</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Annuler</translation>
    </message>
    <message>
        <source>Cancel computing</source>
        <translation>Annuler le calcul</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Fermer</translation>
    </message>
    <message>
        <source>Close intercoder agreement</source>
        <translation>Fermer l’accord inter-codeurs</translation>
    </message>
    <message>
        <source>Disagreeme&amp;nts…</source>
        <translation>Désaccords (&amp;N)…</translation>
    </message>
    <message>
        <source>List every stretch where the chosen coders differ</source>
        <translation>Lister chaque passage où les codeurs choisis diffèrent</translation>
    </message>
    <message>
        <source>Agreement progress</source>
        <translation>Progression de l’accord</translation>
    </message>
    <message>
        <source>Choose two coders or more, then Compute.</source>
        <translation>Choisissez deux codeurs ou plus, puis Calculer.</translation>
    </message>
    <message>
        <source>Agreement status</source>
        <translation>État de l’accord</translation>
    </message>
    <message>
        <source>Agreement results</source>
        <translation>Résultats de l’accord</translation>
    </message>
    <message>
        <source>&amp;Coders (two or more)</source>
        <translation>&amp;Codeurs (deux ou plus)</translation>
    </message>
    <message>
        <source>&amp;Tags (none checked: every tag)</source>
        <translation>Étiquet&amp;tes (aucune cochée : toutes)</translation>
    </message>
    <message>
        <source>&amp;Documents</source>
        <translation>&amp;Documents</translation>
    </message>
    <message>
        <source>Attribute &amp;value</source>
        <translation>&amp;Valeur d’attribut</translation>
    </message>
    <message>
        <source>&amp;Unit</source>
        <translation>&amp;Unité</translation>
    </message>
    <message>
        <source>Unc&amp;oded units are</source>
        <translation>Unités n&amp;on codées :</translation>
    </message>
    <message>
        <source>&amp;Results</source>
        <translation>&amp;Résultats</translation>
    </message>
    <message>
        <source>The library cannot be read: {error}</source>
        <translation>La bibliothèque ne peut pas être lue : {error}</translation>
    </message>
    <message>
        <source>check two coders or more</source>
        <translation>cochez deux codeurs ou plus</translation>
    </message>
    <message>
        <source>Not computed: blind coding is on; turn it off (View › Coders) to compare coders.</source>
        <translation>Non calculé : le codage en aveugle est actif ; désactivez-le (Affichage › Codeurs) pour comparer les codeurs.</translation>
    </message>
    <message>
        <source>Not computed: {error}.</source>
        <translation>Non calculé : {error}.</translation>
    </message>
    <message>
        <source>Computing…</source>
        <translation>Calcul…</translation>
    </message>
    <message numerus="yes">
        <source>%Ln result(s), {undefined} undefined (the reason is beside each).</source>
        <translation>
            <numerusform>%Ln résultat, {undefined} indéfini(s) (la raison figure à côté).</numerusform>
            <numerusform>%Ln résultats, {undefined} indéfini(s) (la raison figure à côté).</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln unit value(s) were two categories at once, left out.</source>
        <translation>
            <numerusform>%Ln valeur d’unité était deux catégories à la fois, laissée de côté.</numerusform>
            <numerusform>%Ln valeurs d’unité étaient deux catégories à la fois, laissées de côté.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>QtAgreementFlow</name>
    <message>
        <source>Intercoder &amp;agreement…</source>
        <translation>&amp;Accord inter-codeurs…</translation>
    </message>
    <message>
        <source>Agreement of two or more coders, exported with the method stated</source>
        <translation>Accord de deux codeurs ou plus, exporté avec la méthode indiquée</translation>
    </message>
</context>
<context>
    <name>QtAgreementModel</name>
    <message>
        <source>measure</source>
        <extracomment>The result columns&apos; headers, by the service&apos;s field names (an export keeps the field names).</extracomment>
        <translation>mesure</translation>
    </message>
    <message>
        <source>tag</source>
        <translation>étiquette</translation>
    </message>
    <message>
        <source>category</source>
        <translation>catégorie</translation>
    </message>
    <message>
        <source>document</source>
        <translation>document</translation>
    </message>
    <message>
        <source>coders</source>
        <translation>codeurs</translation>
    </message>
    <message>
        <source>value</source>
        <translation>valeur</translation>
    </message>
    <message>
        <source>units</source>
        <translation>unités</translation>
    </message>
    <message>
        <source>reason</source>
        <translation>raison</translation>
    </message>
    <message>
        <source>all tags</source>
        <translation>toutes les étiquettes</translation>
    </message>
    <message>
        <source>(categorical)</source>
        <translation>(catégoriel)</translation>
    </message>
    <message>
        <source>pooled</source>
        <translation>regroupé</translation>
    </message>
    <message>
        <source>undefined</source>
        <translation>indéfini</translation>
    </message>
</context>
</TS>
