<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="en">
    <context>
        <name>CleanPage</name>
        <message numerus="yes">
            <source>%n program(s) did not close: %1. The files are left alone; the rest will be cleaned.</source>
            <translation>
                <numerusform>%1 did not close. Its files are left alone; the rest will be cleaned.</numerusform>
                <numerusform>%1 did not close. Their files are left alone; the rest will be cleaned.</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%1: %Ln record(s) in the browsers' databases, removed as rows (no files to list).</source>
            <translation>
                <numerusform>%1: %Ln record in the browsers' databases, removed as rows (no files to list).</numerusform>
                <numerusform>%1: %Ln records in the browsers' databases, removed as rows (no files to list).</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%1: %Ln file(s)</source>
            <translation>
                <numerusform>%1: %Ln file</numerusform>
                <numerusform>%1: %Ln files</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>GeneralPage</name>
        <message numerus="yes">
            <source>%n day(s)</source>
            <translation>
                <numerusform>%n day</numerusform>
                <numerusform>%n days</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>HistoryPage</name>
        <message numerus="yes">
            <source>Found %1 in %Ln file(s).</source>
            <translation>
                <numerusform>Found %1 in %Ln file.</numerusform>
                <numerusform>Found %1 in %Ln files.</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>Freed %1 by removing %Ln file(s).</source>
            <translation>
                <numerusform>Freed %1 by removing %Ln file.</numerusform>
                <numerusform>Freed %1 by removing %Ln files.</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%Ln file(s)</source>
            <translation>
                <numerusform>%Ln file</numerusform>
                <numerusform>%Ln files</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>Left alone: %Ln item(s), and why:</source>
            <translation>
                <numerusform>Left alone: %Ln item, and why:</numerusform>
                <numerusform>Left alone: %Ln items, and why:</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%Ln file(s) put back where they were.</source>
            <translation>
                <numerusform>%Ln file put back where it was.</numerusform>
                <numerusform>%Ln files put back where they were.</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%Ln file(s) left in the trash because a file is at their place again: %1</source>
            <translation>
                <numerusform>%Ln file left in the trash because a file is at its place again: %1</numerusform>
                <numerusform>%Ln files left in the trash because a file is at their place again: %1</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%Ln file(s) were no longer in the trash.</source>
            <translation>
                <numerusform>%Ln file was no longer in the trash.</numerusform>
                <numerusform>%Ln files were no longer in the trash.</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%Ln file(s) were not put back, to be safe: %1</source>
            <translation>
                <numerusform>%Ln file was not put back, to be safe: %1</numerusform>
                <numerusform>%Ln files were not put back, to be safe: %1</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%Ln file(s) put back</source>
            <translation>
                <numerusform>%Ln file put back</numerusform>
                <numerusform>%Ln files put back</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>HomePage</name>
        <message numerus="yes">
            <source>Removes the safe caches of %n item(s) in one go, with every safety check; programs that are running are left alone.</source>
            <translation>
                <numerusform>Removes the safe caches of %n item in one go, with every safety check; programs that are running are left alone.</numerusform>
                <numerusform>Removes the safe caches of %n items in one go, with every safety check; programs that are running are left alone.</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>Found in %Ln file(s) by the scan of %1.</source>
            <translation>
                <numerusform>Found in %Ln file by the scan of %1.</numerusform>
                <numerusform>Found in %Ln files by the scan of %1.</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>MainWindow</name>
        <message numerus="yes">
            <source>%Ln item(s) left alone.</source>
            <translation>
                <numerusform>%Ln item left alone.</numerusform>
                <numerusform>%Ln items left alone.</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>Also %Ln browser record(s).</source>
            <translation>
                <numerusform>Also %Ln browser record.</numerusform>
                <numerusform>Also %Ln browser records.</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>Ready to remove %Ln browser record(s), about %1</source>
            <translation>
                <numerusform>Ready to remove %Ln browser record, about %1</numerusform>
                <numerusform>Ready to remove %Ln browser records, about %1</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%Ln unticked file(s) stay where they are.</source>
            <translation>
                <numerusform>%Ln unticked file stays where it is.</numerusform>
                <numerusform>%Ln unticked files stay where they are.</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>Moved to the trash %1: %Ln file(s)</source>
            <translation>
                <numerusform>Moved to the trash %1: %Ln file</numerusform>
                <numerusform>Moved to the trash %1: %Ln files</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>Freed %1: %Ln file(s) removed</source>
            <translation>
                <numerusform>Freed %1: %Ln file removed</numerusform>
                <numerusform>Freed %1: %Ln files removed</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%Ln item(s) left alone; see “Left alone” for the reasons.</source>
            <translation>
                <numerusform>%Ln item was left alone; see “Left alone” for the reason.</numerusform>
                <numerusform>%Ln items were left alone; see “Left alone” for the reasons.</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>Also %Ln browser record(s) removed.</source>
            <translation>
                <numerusform>Also %Ln browser record removed.</numerusform>
                <numerusform>Also %Ln browser records removed.</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>Cleaning cancelled: %Ln browser record(s) removed before stopping</source>
            <translation>
                <numerusform>Cleaning cancelled: %Ln browser record removed before stopping</numerusform>
                <numerusform>Cleaning cancelled: %Ln browser records removed before stopping</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>Removed %Ln browser record(s); the databases as they were are in the trash</source>
            <translation>
                <numerusform>Removed %Ln browser record; the databases as they were are in the trash</numerusform>
                <numerusform>Removed %Ln browser records; the databases as they were are in the trash</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>Scan finished: %1 in %Ln file(s).</source>
            <translation>
                <numerusform>Scan finished: %1 in %Ln file.</numerusform>
                <numerusform>Scan finished: %1 in %Ln files.</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>Ready to free %1 in %Ln file(s)</source>
            <translation>
                <numerusform>Ready to free %1 in %Ln file</numerusform>
                <numerusform>Ready to free %1 in %Ln files</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>Removed %Ln browser record(s), freed %1</source>
            <translation>
                <numerusform>Removed %Ln browser record, freed %1</numerusform>
                <numerusform>Removed %Ln browser records, freed %1</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>Scanning: %Ln file(s), %1</source>
            <translation>
                <numerusform>Scanning: %Ln file, %1</numerusform>
                <numerusform>Scanning: %Ln files, %1</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>Cleaning: %Ln file(s) removed, %1 freed</source>
            <translation>
                <numerusform>Cleaning: %Ln file removed, %1 freed</numerusform>
                <numerusform>Cleaning: %Ln files removed, %1 freed</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>Scan cancelled: %1 in %Ln file(s) found so far</source>
            <translation>
                <numerusform>Scan cancelled: %1 in %Ln file found so far</numerusform>
                <numerusform>Scan cancelled: %1 in %Ln files found so far</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>Cleaning cancelled: %Ln file(s) removed (%1) before stopping</source>
            <translation>
                <numerusform>Cleaning cancelled: %Ln file removed (%1) before stopping</numerusform>
                <numerusform>Cleaning cancelled: %Ln files removed (%1) before stopping</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>PrivacyPanel</name>
        <message numerus="yes">
            <source>%n day(s)</source>
            <translation>
                <numerusform>%n day</numerusform>
                <numerusform>%n days</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>Kept for %n day(s).</source>
            <translation>
                <numerusform>Kept for %n day.</numerusform>
                <numerusform>Kept for %n days.</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>TracesPage</name>
        <message numerus="yes">
            <source>%Ln record(s) found in the browsers.</source>
            <translation>
                <numerusform>%Ln record found in the browsers.</numerusform>
                <numerusform>%Ln records found in the browsers.</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%n browser(s) did not close: %1. Their traces are left alone.</source>
            <translation>
                <numerusform>%1 did not close. Its traces are left alone.</numerusform>
                <numerusform>%1 did not close. Their traces are left alone.</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%n browser(s) running: %1. Their traces cannot be counted or cleaned while they run: close them (unsaved work in them may be lost) or leave them be.</source>
            <translation>
                <numerusform>%1 is running. Its traces cannot be counted or cleaned while it runs: close it (unsaved work in it may be lost) or leave it be.</numerusform>
                <numerusform>These browsers are running: %1. Their traces cannot be counted or cleaned while they run: close them (unsaved work in them may be lost) or leave them be.</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%Ln database(s) left alone:</source>
            <translation>
                <numerusform>%Ln database left alone:</numerusform>
                <numerusform>%Ln databases left alone:</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>confirm</name>
        <message numerus="yes">
            <source>The files of the %n running program(s) cannot be cleaned while they run: skip them and clean the rest, or close the program(s) (asked to quit politely; unsaved work may be lost) and clean everything.</source>
            <translation>
                <numerusform>Its files cannot be cleaned while it runs. Skip them and clean the rest, or close it (it is asked to quit politely; unsaved work may be lost) and clean everything.</numerusform>
                <numerusform>Their files cannot be cleaned while they run. Skip them and clean the rest, or close them (they are asked to quit politely; unsaved work may be lost) and clean everything.</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>Move %Ln file(s) (%1) to the trash?</source>
            <translation>
                <numerusform>Move %Ln file (%1) to the trash?</numerusform>
                <numerusform>Move %Ln files (%1) to the trash?</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>Delete %Ln file(s) (%1) permanently?</source>
            <translation>
                <numerusform>Delete %Ln file (%1) permanently?</numerusform>
                <numerusform>Delete %Ln files (%1) permanently?</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%Ln file(s) you unticked stay.</source>
            <translation>
                <numerusform>%Ln file you unticked stays.</numerusform>
                <numerusform>%Ln files you unticked stay.</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>Remove %Ln browser record(s) from %1?</source>
            <translation>
                <numerusform>Remove %Ln browser record from %1?</numerusform>
                <numerusform>Remove %Ln browser records from %1?</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%n program(s) running: %1.</source>
            <translation>
                <numerusform>%1 is running.</numerusform>
                <numerusform>These programs are running: %1.</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>Also %Ln browser record(s) from %1.</source>
            <translation>
                <numerusform>Also %Ln browser record from %1.</numerusform>
                <numerusform>Also %Ln browser records from %1.</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>models</name>
        <message numerus="yes">
            <source>%Ln record(s)</source>
            <translation>
                <numerusform>%Ln record</numerusform>
                <numerusform>%Ln records</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>TracesModel</name>
        <message numerus="yes">
            <source>%Ln record(s)</source>
            <translation>
                <numerusform>%Ln record</numerusform>
                <numerusform>%Ln records</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>Found in %Ln database(s) of its profiles.</source>
            <translation>
                <numerusform>Found in %Ln database of its profiles.</numerusform>
                <numerusform>Found in %Ln databases of its profiles.</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>traces</name>
        <message numerus="yes">
            <source>Cookies of the %Ln domain(s) on your keep-list stay, so you stay signed in to them: %1.</source>
            <translation>
                <numerusform>Cookies of the %Ln domain on your keep-list stay, so you stay signed in to them: %1.</numerusform>
                <numerusform>Cookies of the %Ln domains on your keep-list stay, so you stay signed in to them: %1.</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%1 and %Ln more</source>
            <translation>
                <numerusform>%1 and %Ln more</numerusform>
                <numerusform>%1 and %Ln more</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>tray</name>
        <message numerus="yes">
            <source>%Ln item(s) left alone.</source>
            <translation>
                <numerusform>%Ln item was left alone.</numerusform>
                <numerusform>%Ln items were left alone.</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>Quick clean stopped: %1 freed (%Ln file(s)).</source>
            <translation>
                <numerusform>Quick clean stopped: %1 freed (%Ln file).</numerusform>
                <numerusform>Quick clean stopped: %1 freed (%Ln files).</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>Quick clean freed %1 (%Ln file(s)).</source>
            <translation>
                <numerusform>Quick clean freed %1 (%Ln file).</numerusform>
                <numerusform>Quick clean freed %1 (%Ln files).</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>Quick clean: %1 of %Ln file(s)</source>
            <translation>
                <numerusform>Quick clean: %1 of %Ln file</numerusform>
                <numerusform>Quick clean: %1 of %Ln files</numerusform>
            </translation>
        </message>
    </context>
</TS>
