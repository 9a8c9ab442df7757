<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="fr">
<context>
    <name>QtSettingsDialog</name>
    <message>
        <source>Follow system</source>
        <translation>Suivre le système</translation>
    </message>
    <message>
        <source>Light</source>
        <translation>Clair</translation>
    </message>
    <message>
        <source>Dark</source>
        <translation>Sombre</translation>
    </message>
    <message>
        <source>Sepia</source>
        <translation>Sépia</translation>
    </message>
    <message>
        <source>Fill</source>
        <translation>Remplissage</translation>
    </message>
    <message>
        <source>Underline only</source>
        <translation>Soulignement seul</translation>
    </message>
    <message>
        <source>Fill and underline</source>
        <translation>Remplissage et soulignement</translation>
    </message>
    <message>
        <source>System default</source>
        <translation>Langue du système</translation>
    </message>
    <message>
        <source>Settings</source>
        <translation>Paramètres</translation>
    </message>
    <message>
        <source>Settings pages</source>
        <translation>Pages des paramètres</translation>
    </message>
    <message>
        <source>Font</source>
        <translation>Police</translation>
    </message>
    <message>
        <source>Default (serif)</source>
        <translation>Par défaut (avec empattements)</translation>
    </message>
    <message>
        <source>&amp;Font</source>
        <translation>Police (&amp;F)</translation>
    </message>
    <message>
        <source>Font size in points</source>
        <translation>Taille de police en points</translation>
    </message>
    <message>
        <source> pt</source>
        <translation> pt</translation>
    </message>
    <message>
        <source>Default ({size} pt)</source>
        <translation>Par défaut ({size} pt)</translation>
    </message>
    <message>
        <source>Font &amp;size</source>
        <translation>Taille de police (&amp;S)</translation>
    </message>
    <message>
        <source>Maximum line width in characters</source>
        <translation>Largeur de ligne maximale en caractères</translation>
    </message>
    <message>
        <source> characters</source>
        <translation> caractères</translation>
    </message>
    <message>
        <source>Full width</source>
        <translation>Pleine largeur</translation>
    </message>
    <message>
        <source>Maximum line &amp;width</source>
        <translation>Largeur de ligne maximale (&amp;W)</translation>
    </message>
    <message>
        <source>&amp;Reading</source>
        <translation>Lectu&amp;re</translation>
    </message>
    <message>
        <source>Theme</source>
        <translation>Thème</translation>
    </message>
    <message>
        <source>&amp;Theme</source>
        <translation>&amp;Thème</translation>
    </message>
    <message>
        <source>Highlight style</source>
        <translation>Style de surlignage</translation>
    </message>
    <message>
        <source>&amp;Highlights</source>
        <translation>Surlignages (&amp;H)</translation>
    </message>
    <message>
        <source>Underline &amp;patterns per tag (colour is not the only cue)</source>
        <translation>Motifs de soulignement &amp;par étiquette (la couleur n’est pas le seul repère)</translation>
    </message>
    <message>
        <source>Underline patterns per tag</source>
        <translation>Motifs de soulignement par étiquette</translation>
    </message>
    <message>
        <source>&amp;Appearance</source>
        <translation>&amp;Apparence</translation>
    </message>
    <message>
        <source>Your name is saved with each annotation you make (as its coder), so a team&apos;s exports say who tagged what.</source>
        <translation>Votre nom est enregistré avec chaque annotation que vous faites (comme son codeur), pour que les exports d’une équipe disent qui a étiqueté quoi.</translation>
    </message>
    <message>
        <source>Your name as a coder</source>
        <translation>Votre nom de codeur</translation>
    </message>
    <message>
        <source>e.g. Ann Smith (leave empty for none)</source>
        <translation>p. ex. Marie Dupont (laisser vide pour aucun)</translation>
    </message>
    <message>
        <source>&amp;Name</source>
        <translation>&amp;Nom</translation>
    </message>
    <message>
        <source>&amp;Coder</source>
        <translation>&amp;Codeur</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>Langue</translation>
    </message>
    <message>
        <source>&amp;Language</source>
        <translation>&amp;Langue</translation>
    </message>
    <message>
        <source>Takes effect when Annotator restarts.</source>
        <translation>Prend effet au redémarrage d’Annotator.</translation>
    </message>
    <message>
        <source>Lan&amp;guage</source>
        <translation>Lan&amp;gue</translation>
    </message>
</context>
<context>
    <name>QtSettingsFlow</name>
    <message>
        <source>&amp;Settings…</source>
        <translation>Paramètre&amp;s…</translation>
    </message>
    <message>
        <source>Zoom &amp;in</source>
        <translation>Zoom avant (&amp;I)</translation>
    </message>
    <message>
        <source>Zoom o&amp;ut</source>
        <translation>Zoom arrière (&amp;U)</translation>
    </message>
    <message>
        <source>Actual si&amp;ze</source>
        <translation>Taille réelle (&amp;Z)</translation>
    </message>
    <message>
        <source>Your annotations will now say they are by {coder}.</source>
        <translation>Vos annotations indiqueront désormais qu’elles sont de {coder}.</translation>
    </message>
    <message>
        <source>Your annotations will now carry no coder name.</source>
        <translation>Vos annotations ne porteront désormais aucun nom de codeur.</translation>
    </message>
    <message>
        <source>Some settings were out of range and were brought within it.</source>
        <translation>Certains paramètres étaient hors limites et y ont été ramenés.</translation>
    </message>
    <message>
        <source>The settings could not be saved ({error}); they are used until you quit.</source>
        <translation>Les paramètres n’ont pas pu être enregistrés ({error}) ; ils servent jusqu’à ce que vous quittiez.</translation>
    </message>
    <message>
        <source>The zoom is already at its largest ({zoom}%).</source>
        <translation>Le zoom est déjà au maximum ({zoom} %).</translation>
    </message>
    <message>
        <source>The zoom is already at its smallest ({zoom}%).</source>
        <translation>Le zoom est déjà au minimum ({zoom} %).</translation>
    </message>
    <message>
        <source>Zoom {zoom}%</source>
        <translation>Zoom {zoom} %</translation>
    </message>
</context>
</TS>
