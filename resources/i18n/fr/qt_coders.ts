<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="fr">
<context>
    <name>QtChooseCodersDialog</name>
    <message>
        <source>Choose coders</source>
        <translation>Choisir les codeurs</translation>
    </message>
    <message>
        <source>Show the annotations of these &amp;coders:</source>
        <translation>Afficher les annotations de ces &amp;codeurs :</translation>
    </message>
    <message>
        <source>Coders</source>
        <translation>Codeurs</translation>
    </message>
</context>
<context>
    <name>QtCoderView</name>
    <message>
        <source>no underline</source>
        <translation>pas de soulignement</translation>
    </message>
    <message>
        <source>{coder} — {drawn} — {here} here</source>
        <translation>{coder} — {drawn} — {here} ici</translation>
    </message>
    <message>
        <source>{coder} — {drawn} — {here} here, {library} in the library</source>
        <translation>{coder} — {drawn} — {here} ici, {library} dans la bibliothèque</translation>
    </message>
    <message>
        <source>C&amp;oders</source>
        <extracomment>Opens the chooser (a test stands in for the user here).</extracomment>
        <translation>C&amp;odeurs</translation>
    </message>
    <message>
        <source>Coders</source>
        <translation>Codeurs</translation>
    </message>
    <message>
        <source>&amp;Everyone&apos;s annotations</source>
        <translation>Annotations de tout le monde (&amp;E)</translation>
    </message>
    <message>
        <source>Only &amp;mine</source>
        <translation>Seulement les &amp;miennes</translation>
    </message>
    <message>
        <source>&amp;Chosen coders…</source>
        <translation>&amp;Codeurs choisis…</translation>
    </message>
    <message>
        <source>&amp;Blind coding (this library)</source>
        <translation>Codage en aveugle (cette &amp;bibliothèque)</translation>
    </message>
    <message>
        <source>While on, every window on this library shows only its user&apos;s own annotations</source>
        <translation>Tant qu’il est actif, chaque fenêtre de cette bibliothèque n’affiche que les annotations de son utilisateur</translation>
    </message>
    <message>
        <source>Whose annotations are shown</source>
        <translation>Codeurs dont les annotations sont affichées</translation>
    </message>
    <message>
        <source>Whose annotations are shown (View › Coders)</source>
        <translation>Codeurs dont les annotations sont affichées (Affichage › Codeurs)</translation>
    </message>
</context>
</TS>
