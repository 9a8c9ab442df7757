<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="fr">
<context>
    <name>QtMainWindow</name>
    <message>
        <source>Attributes</source>
        <translation>Attributs</translation>
    </message>
    <message>
        <source>Search the library</source>
        <translation>Rechercher dans la bibliothèque</translation>
    </message>
    <message>
        <source>Library: {library}</source>
        <translation>Bibliothèque : {library}</translation>
    </message>
    <message>
        <source>Tags at the cursor</source>
        <translation>Étiquettes au curseur</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Fichier</translation>
    </message>
    <message>
        <source>&amp;Import…</source>
        <translation>&amp;Importer…</translation>
    </message>
    <message>
        <source>New document from &amp;clipboard</source>
        <translation>Nouveau do&amp;cument depuis le presse-papiers</translation>
    </message>
    <message>
        <source>Import PDF &amp;highlights…</source>
        <translation>Importer les &amp;surlignages PDF…</translation>
    </message>
    <message>
        <source>Import Hypothesis or &amp;Zotero highlights…</source>
        <translation>Importer les surlignages Hypothesis ou &amp;Zotero…</translation>
    </message>
    <message>
        <source>&amp;Export…</source>
        <translation>&amp;Exporter…</translation>
    </message>
    <message>
        <source>Export &amp;PDF…</source>
        <translation>Exporter en &amp;PDF…</translation>
    </message>
    <message>
        <source>P&amp;rint…</source>
        <translation>Imp&amp;rimer…</translation>
    </message>
    <message>
        <source>&amp;Backups…</source>
        <translation>Sauvegardes (&amp;B)…</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Quitter</translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation>Édition (&amp;E)</translation>
    </message>
    <message>
        <source>&amp;Undo</source>
        <translation>Ann&amp;uler</translation>
    </message>
    <message>
        <source>&amp;Redo</source>
        <translation>&amp;Rétablir</translation>
    </message>
    <message>
        <source>&amp;Delete annotation</source>
        <translation>Supprimer l’annotation (&amp;D)</translation>
    </message>
    <message>
        <source>&amp;Find…</source>
        <translation>Rechercher (&amp;F)…</translation>
    </message>
    <message>
        <source>Find &amp;next</source>
        <translation>Rechercher le suiva&amp;nt</translation>
    </message>
    <message>
        <source>Find &amp;previous</source>
        <translation>Rechercher le &amp;précédent</translation>
    </message>
    <message>
        <source>Search the &amp;library…</source>
        <translation>Rechercher dans la bib&amp;liothèque…</translation>
    </message>
    <message>
        <source>&amp;Document</source>
        <translation>&amp;Document</translation>
    </message>
    <message>
        <source>&amp;Replace text with a new version…</source>
        <translation>&amp;Remplacer le texte par une nouvelle version…</translation>
    </message>
    <message>
        <source>&amp;Accept placement</source>
        <translation>&amp;Accepter le placement</translation>
    </message>
    <message>
        <source>Agree with where a revision placed the selected (⚠) annotations</source>
        <translation>Approuver l’endroit où une révision a placé les annotations sélectionnées (⚠)</translation>
    </message>
    <message>
        <source>A&amp;ttributes</source>
        <translation>A&amp;ttributs</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>Affichage (&amp;V)</translation>
    </message>
    <message>
        <source>&amp;Search the library</source>
        <translation>Rechercher dan&amp;s la bibliothèque</translation>
    </message>
    <message>
        <source>&amp;Tags</source>
        <translation>É&amp;tiquettes</translation>
    </message>
    <message>
        <source>Tag as {tag}</source>
        <translation>Étiqueter comme {tag}</translation>
    </message>
    <message>
        <source>Not saved: {error}</source>
        <translation>Non enregistré : {error}</translation>
    </message>
    <message>
        <source>Turn blind coding off (View › Coders) to compare coders</source>
        <translation>Désactivez le codage en aveugle (Affichage › Codeurs) pour comparer les codeurs</translation>
    </message>
    <message>
        <source>{title} — Annotator</source>
        <translation>{title} — Annotator</translation>
    </message>
    <message>
        <source>Select some text first, then choose a tag.</source>
        <translation>Sélectionnez d’abord du texte, puis choisissez une étiquette.</translation>
    </message>
    <message>
        <source>Already tagged {tag}.</source>
        <translation>Déjà étiqueté {tag}.</translation>
    </message>
    <message>
        <source>Already tagged so.</source>
        <translation>Déjà étiqueté ainsi.</translation>
    </message>
    <message>
        <source>Select an annotation in the list to delete it.</source>
        <translation>Sélectionnez une annotation dans la liste pour la supprimer.</translation>
    </message>
    <message>
        <source>Annotation actions</source>
        <translation>Actions sur les annotations</translation>
    </message>
    <message>
        <source>Change &amp;tag to</source>
        <translation>Changer l’é&amp;tiquette en</translation>
    </message>
    <message>
        <source>That document is no longer in the library.</source>
        <translation>Ce document n’est plus dans la bibliothèque.</translation>
    </message>
    <message>
        <source>That document&apos;s text has changed since; search again to see where.</source>
        <translation>Le texte de ce document a changé depuis ; relancez la recherche pour voir où.</translation>
    </message>
    <message>
        <source>Views docked together</source>
        <translation>Vues ancrées ensemble</translation>
    </message>
</context>
</TS>
