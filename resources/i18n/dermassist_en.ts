<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="en" sourcelanguage="en">
  <context>
    <name>AuditDialog</name>
    <message>
      <location filename="../../dermassist/ui/audit_dialog.py" line="26" />
      <source>Audit trail</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../dermassist/ui/audit_dialog.py" line="29" />
      <source>The latest {n} entries, newest first.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../dermassist/ui/audit_dialog.py" line="32" />
      <source>When</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../dermassist/ui/audit_dialog.py" line="32" />
      <source>Who</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../dermassist/ui/audit_dialog.py" line="32" />
      <source>Action</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../dermassist/ui/audit_dialog.py" line="32" />
      <source>Record</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../dermassist/ui/audit_dialog.py" line="32" />
      <source>Details</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../dermassist/ui/audit_dialog.py" line="37" />
      <source>created</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../dermassist/ui/audit_dialog.py" line="38" />
      <source>edited</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../dermassist/ui/audit_dialog.py" line="39" />
      <source>added a picture</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../dermassist/ui/audit_dialog.py" line="40" />
      <source>analysed</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../dermassist/ui/audit_dialog.py" line="44" />
      <source>exported the referral PDF</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../dermassist/ui/audit_dialog.py" line="45" />
      <source>exported the referral package</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../dermassist/ui/audit_dialog.py" line="46" />
      <source>queued for the center</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../dermassist/ui/audit_dialog.py" line="47" />
      <source>sent to the center</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../dermassist/ui/audit_dialog.py" line="50" />
      <source>patient</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../dermassist/ui/audit_dialog.py" line="51" />
      <source>examination</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../dermassist/ui/audit_dialog.py" line="52" />
      <source>settings</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../dermassist/ui/audit_dialog.py" line="41" />
      <source>was warned about the picture</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../dermassist/ui/audit_dialog.py" line="42" />
      <source>analysed despite the warnings</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../dermassist/ui/audit_dialog.py" line="43" />
      <source>did not analyse after the warnings</source>
      <translation type="unfinished" />
    </message>
  </context>
  <context>
    <name>BodyMapWidget</name>
    <message>
      <location filename="../../dermassist/ui/bodymap_widget.py" line="29" />
      <source>Click on the body to mark where the lesion is.</source>
      <translation type="unfinished" />
    </message>
  </context>
  <context>
    <name>CameraDialog</name>
    <message>
      <location filename="../../dermassist/ui/camera_dialog.py" line="45" />
      <source>Capture from camera</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../dermassist/ui/camera_dialog.py" line="53" />
      <source>Camera:</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../dermassist/ui/camera_dialog.py" line="57" />
      <source>Refresh</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../dermassist/ui/camera_dialog.py" line="75" />
      <source>Capture</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../dermassist/ui/camera_dialog.py" line="78" />
      <source>Cancel</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../dermassist/ui/camera_dialog.py" line="99" />
      <source>Camera support is not available on this computer ({error}).</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../dermassist/ui/camera_dialog.py" line="113" />
      <source>No camera was found. Connect the dermatoscope or a USB camera, wait a few seconds and press Refresh. You can also open a picture file or paste one from the clipboard.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../dermassist/ui/camera_dialog.py" line="144" />
      <source>Still resolution: {w} × {h}</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../dermassist/ui/camera_dialog.py" line="154" />
      <source>Camera error: </source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../dermassist/ui/camera_dialog.py" line="157" />
      <source>Capture failed: </source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../dermassist/ui/camera_dialog.py" line="166" />
      <source>Capturing…</source>
      <translation type="unfinished" />
    </message>
  </context>
  <context>
    <name>CenterSettingsDialog</name>
    <message>
      <location filename="../../dermassist/ui/center_settings.py" line="16" />
      <source>Center settings</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../dermassist/ui/center_settings.py" line="22" />
      <source>The worklist is read from the center's PACS over DICOMweb (QIDO-RS and WADO-RS). Enter its address and the login the PACS administrator gave you.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../dermassist/ui/center_settings.py" line="42" />
      <source>The settings could not be saved: {error}</source>
      <translation type="unfinished" />
    </message>
  </context>
  <context>
    <name>CenterWindow</name>
    <message>
      <location filename="../../dermassist/ui/center_window.py" line="81" />
      <source>DermAssist {version}: referrals received</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../dermassist/ui/center_window.py" line="87" />
      <source>Refresh</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../dermassist/ui/center_window.py" line="89" />
      <source>Open package…</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../dermassist/ui/center_window.py" line="91" />
      <source>Open a referral package from a folder or USB stick</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../dermassist/ui/center_window.py" line="93" />
      <source>Settings…</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../dermassist/ui/center_window.py" line="110" />
      <source>Malignant</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../dermassist/ui/center_window.py" line="111" />
      <source>Patient</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../dermassist/ui/center_window.py" line="112" />
      <source>Phone</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../dermassist/ui/center_window.py" line="113" />
      <source>Referring clinic</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../dermassist/ui/center_window.py" line="114" />
      <source>Date</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../dermassist/ui/center_window.py" line="115" />
      <source>Referral</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../dermassist/ui/center_window.py" line="116" />
      <source>Follow-up</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../dermassist/ui/center_window.py" line="129" />
      <source>Select a referral.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../dermassist/ui/center_window.py" line="135" />
      <source>Patient called</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../dermassist/ui/center_window.py" line="137" />
      <source>Appointment set…</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../dermassist/ui/center_window.py" line="146" />
      <source>Note (kept at the center only)</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../dermassist/ui/center_window.py" line="169" />
      <source>No PACS is set up: press Settings… to enter its address, or open a package from a folder.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../dermassist/ui/center_window.py" line="173" />
      <source>Querying the PACS…</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../dermassist/ui/center_window.py" line="184" />
      <source>Some referrals arrive without the patient's name. The PACS probably stores names in Latin-1 (Orthanc's default), which cannot hold Cyrillic: ask its administrator to set DefaultEncoding to Utf8 in the Orthanc configuration. The images, PDF and referral number are complete.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../dermassist/ui/center_window.py" line="199" />
      <source>appointment set</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../dermassist/ui/center_window.py" line="201" />
      <source>called</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../dermassist/ui/center_window.py" line="203" />
      <source>to call</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../dermassist/ui/center_window.py" line="207" />
      <source>(name not readable)</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../dermassist/ui/center_window.py" line="215" />
      <source>{count} referral(s)</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../dermassist/ui/center_window.py" line="219" />
      <source>PACS error: {message}</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../dermassist/ui/center_window.py" line="239" />
      <source>not analysed</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../dermassist/ui/center_window.py" line="242" />
      <source>{name} (born {birth}, {sex}), phone {phone}
Referred by {doctor}, {clinic}; referral {number}
AI malignancy: {prob} ({model})</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../dermassist/ui/center_window.py" line="273" />
      <source>Open a referral package</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../dermassist/ui/center_window.py" line="281" />
      <source>Open package</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../dermassist/ui/center_window.py" line="282" />
      <source>This folder is not a readable referral package: {error}</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../dermassist/ui/center_window.py" line="296" />
      <source>Opened the package in {folder}</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../dermassist/ui/center_window.py" line="336" />
      <source>Appointment</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../dermassist/ui/center_window.py" line="337" />
      <source>Date, time and place of the appointment (empty to clear):</source>
      <translation type="unfinished" />
    </message>
  </context>
  <context>
    <name>ChecklistWidget</name>
    <message>
      <location filename="../../dermassist/ui/checklist_widget.py" line="25" />
      <source>No checklist</source>
      <translation type="unfinished" />
    </message>
  </context>
  <context>
    <name>DateField</name>
    <message>
      <location filename="../../dermassist/ui/date_field.py" line="47" />
      <source>DD/MM/YYYY, or leave empty if not known</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../dermassist/ui/date_field.py" line="52" />
      <source>Choose the date on a calendar</source>
      <translation type="unfinished" />
    </message>
  </context>
  <context>
    <name>ExamActions</name>
    <message>
      <location filename="../../dermassist/ui/exam_actions.py" line="15" />
      <location filename="../../dermassist/ui/exam_actions.py" line="22" />
      <source>Referral PDF</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../dermassist/ui/exam_actions.py" line="42" />
      <location filename="../../dermassist/ui/exam_actions.py" line="78" />
      <source>Send to center</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../dermassist/ui/exam_actions.py" line="44" />
      <source>No specialised center is set up, so the referral cannot be sent yet.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../dermassist/ui/exam_actions.py" line="49" />
      <source>Enter the center's address in Settings (ask the center for it). You can also put the referral in the Outbox now and export it from there to a folder or USB stick.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../dermassist/ui/exam_actions.py" line="56" />
      <source>Open Settings…</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../dermassist/ui/exam_actions.py" line="59" />
      <source>Put in the Outbox</source>
      <translation type="unfinished" />
    </message>
  </context>
  <context>
    <name>ExamTabs</name>
    <message>
      <location filename="../../dermassist/ui/exam_tabs.py" line="53" />
      <source>Details</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../dermassist/ui/exam_tabs.py" line="54" />
      <source>Lesion site</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../dermassist/ui/exam_tabs.py" line="56" />
      <source>Dermoscopy checklist</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../dermassist/ui/exam_tabs.py" line="72" />
      <source>History, size, change noticed by the patient, your impression…</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../dermassist/ui/exam_tabs.py" line="74" />
      <source>Date</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../dermassist/ui/exam_tabs.py" line="75" />
      <source>Referring doctor</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../dermassist/ui/exam_tabs.py" line="76" />
      <source>Urgency</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../dermassist/ui/exam_tabs.py" line="77" />
      <source>Notes</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../dermassist/ui/exam_tabs.py" line="91" />
      <source>Follow-up of this lesion</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../dermassist/ui/exam_tabs.py" line="92" />
      <source>Start a new examination of the same lesion today</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../dermassist/ui/exam_tabs.py" line="93" />
      <source>Compare over time…</source>
      <translation type="unfinished" />
    </message>
  </context>
  <context>
    <name>ExaminationView</name>
    <message>
      <location filename="../../dermassist/ui/exam_view.py" line="106" />
      <source>Save</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../dermassist/ui/exam_view.py" line="108" />
      <source>Referral PDF…</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../dermassist/ui/exam_view.py" line="109" />
      <source>Send to center</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../dermassist/ui/exam_view.py" line="122" />
      <source>Referral letters are not available in this build.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../dermassist/ui/exam_view.py" line="124" />
      <source>Sending to the center is not available in this build.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../dermassist/ui/exam_view.py" line="152" />
      <source>Examination of {date}</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../dermassist/ui/exam_view.py" line="154" />
      <source>Select or create an examination.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../dermassist/ui/exam_view.py" line="165" />
      <source>Site: {label}</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../dermassist/ui/exam_view.py" line="167" />
      <source>Site: not marked yet</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../dermassist/ui/exam_view.py" line="217" />
      <source>This examination was changed elsewhere; your edits were not saved.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../dermassist/ui/exam_view.py" line="226" />
      <source>Examination saved.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../dermassist/ui/exam_view.py" line="252" />
      <source>The model is still loading.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../dermassist/ui/exam_view.py" line="267" />
      <source>This result comes from a different model than the one now loaded; press Analyse to repeat it.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../dermassist/ui/exam_view.py" line="273" />
      <source>No model can be used, so no analysis is possible (see the notice at the top).</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../dermassist/ui/exam_view.py" line="276" />
      <source>Add an image to this examination, then press Analyse.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../dermassist/ui/exam_view.py" line="278" />
      <source>The model is loading…</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../dermassist/ui/exam_view.py" line="280" />
      <source>This picture has not been analysed yet. Press Analyse.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../dermassist/ui/exam_view.py" line="295" />
      <source>Analysing…</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../dermassist/ui/exam_view.py" line="299" />
      <source>Reading the picture…</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../dermassist/ui/exam_view.py" line="299" />
      <source>Running the model…</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../dermassist/ui/exam_view.py" line="329" />
      <source>The result could not be stored: {error}</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../dermassist/ui/exam_view.py" line="332" />
      <source>Analysis finished in {duration}.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../dermassist/ui/exam_view.py" line="343" />
      <source>The analysis failed: {error}</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../dermassist/ui/exam_view.py" line="370" />
      <source>The examination is queued for sending; see the Outbox tab.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../dermassist/ui/exam_view.py" line="321" />
      <source>Not analysed. Take a better picture of the lesion and add it, or press Analyse again.</source>
      <translation type="unfinished" />
    </message>
  </context>
  <context>
    <name>HeatLegend</name>
    <message>
      <location filename="../../dermassist/ui/heat_layer.py" line="32" />
      <source>little evidence</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../dermassist/ui/heat_layer.py" line="33" />
      <source>most evidence</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../dermassist/ui/heat_layer.py" line="40" />
      <source>Colours of the heatmap: where the model found the evidence for its estimate, from little to most</source>
      <translation type="unfinished" />
    </message>
  </context>
  <context>
    <name>ImageViewer</name>
    <message>
      <location filename="../../dermassist/ui/image_viewer.py" line="43" />
      <source>Wheel: zoom. Drag: move. Double-click: fit to window.</source>
      <translation type="unfinished" />
    </message>
  </context>
  <context>
    <name>ImagesPane</name>
    <message>
      <location filename="../../dermassist/ui/images_pane.py" line="64" />
      <source>No picture yet. Open a file, drop one here, paste (Ctrl+V) or use the camera.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../dermassist/ui/images_pane.py" line="78" />
      <source>Open file…</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../dermassist/ui/images_pane.py" line="80" />
      <source>Paste</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../dermassist/ui/images_pane.py" line="81" />
      <source>Camera…</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../dermassist/ui/images_pane.py" line="116" />
      <source>whole picture</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../dermassist/ui/images_pane.py" line="118" />
      <source>Tint the whole picture, not only the region with the most evidence</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../dermassist/ui/images_pane.py" line="214" />
      <location filename="../../dermassist/ui/images_pane.py" line="229" />
      <source>Not added: {reason}</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../dermassist/ui/images_pane.py" line="216" />
      <source>Could not save the picture: {error}</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../dermassist/ui/images_pane.py" line="245" />
      <source>Open dermoscopy images</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../dermassist/ui/images_pane.py" line="245" />
      <source>Images ({patterns})</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../dermassist/ui/images_pane.py" line="257" />
      <source>pasted image</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../dermassist/ui/images_pane.py" line="259" />
      <source>The clipboard holds no picture.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../dermassist/ui/images_pane.py" line="267" />
      <source>camera capture</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../dermassist/ui/images_pane.py" line="280" />
      <source>dropped image</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../dermassist/ui/images_pane.py" line="105" />
      <source>Heatmap</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../dermassist/ui/images_pane.py" line="109" />
      <source>Where in the picture the model found the evidence for its estimate (red: most, blue: least)</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../dermassist/ui/images_pane.py" line="115" />
      <source>Heatmap opacity</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../dermassist/ui/images_pane.py" line="123" />
      <source>Opacity</source>
      <translation type="unfinished" />
    </message>
  </context>
  <context>
    <name>LesionHistoryDialog</name>
    <message>
      <location filename="../../dermassist/ui/lesion_history.py" line="34" />
      <source>Lesion over time</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../dermassist/ui/lesion_history.py" line="38" />
      <source>{n} examinations of this lesion</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../dermassist/ui/lesion_history.py" line="43" />
      <source>Heatmap</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../dermassist/ui/lesion_history.py" line="83" />
      <source>no picture</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../dermassist/ui/lesion_history.py" line="83" />
      <source>not analysed</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../dermassist/ui/lesion_history.py" line="87" />
      <source>Malignant: {p}</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../dermassist/ui/lesion_history.py" line="88" />
      <source>above threshold</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../dermassist/ui/lesion_history.py" line="95" />
      <source>Change: {d} percentage points</source>
      <translation type="unfinished" />
    </message>
  </context>
  <context>
    <name>MainWindow</name>
    <message>
      <location filename="../../dermassist/ui/app.py" line="65" />
      <source>DermAssist cannot open its records:</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../dermassist/ui/app.py" line="69" />
      <source>Ready in {duration}</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../dermassist/ui/main_window.py" line="48" />
      <source>DermAssist {version}: dermoscopy decision support</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../dermassist/ui/main_window.py" line="67" />
      <source>Patients</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../dermassist/ui/main_window.py" line="150" />
      <source>Outbox</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../dermassist/ui/main_window.py" line="83" />
      <source>Model: not loaded yet</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../dermassist/ui/main_window.py" line="95" />
      <source>&amp;File</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../dermassist/ui/main_window.py" line="96" />
      <source>&amp;New patient…</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../dermassist/ui/main_window.py" line="98" />
      <source>&amp;Settings…</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../dermassist/ui/main_window.py" line="101" />
      <source>&amp;Quit</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../dermassist/ui/main_window.py" line="103" />
      <source>&amp;Audit trail…</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../dermassist/ui/main_window.py" line="111" />
      <source>&amp;Help</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../dermassist/ui/main_window.py" line="112" />
      <source>&amp;About DermAssist</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../dermassist/ui/main_window.py" line="154" />
      <source>Model: loading…</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../dermassist/ui/main_window.py" line="161" />
      <source>Model: {name} {version} (sha256 {sha}) on {provider}</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../dermassist/ui/main_window.py" line="170" />
      <location filename="../../dermassist/ui/main_window.py" line="283" />
      <source>Model: none</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../dermassist/ui/main_window.py" line="172" />
      <source>No model is installed, so pictures cannot be analysed.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../dermassist/ui/main_window.py" line="174" />
      <source>To get one, ask your administrator for the DermAssist model package and put the model file (.onnx) with its card (.json) into {folder}, or import a model with 'dermassist import-model MODEL.onnx'; then restart DermAssist.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../dermassist/ui/main_window.py" line="179" />
      <source>The model could not be loaded, so pictures cannot be analysed.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../dermassist/ui/main_window.py" line="181" />
      <source>You can record patients and pictures meanwhile.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../dermassist/ui/main_window.py" line="212" />
      <source>Language</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../dermassist/ui/main_window.py" line="212" />
      <source>The new language will be used the next time DermAssist starts.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../dermassist/ui/main_window.py" line="279" />
      <source>Model: {name} {version}, sha256 {sha}</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../dermassist/ui/main_window.py" line="287" />
      <source>About DermAssist</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../dermassist/ui/main_window.py" line="290" />
      <source>Records: {path} (schema version {v})</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../dermassist/ui/main_window.py" line="105" />
      <source>&amp;Back up records…</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../dermassist/ui/main_window.py" line="225" />
      <source>No backup of the records yet. Back up now…</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../dermassist/ui/main_window.py" line="227" />
      <source>The last backup is {days} days old. Back up now…</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../dermassist/ui/main_window.py" line="240" />
      <source>Back up the records to</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../dermassist/ui/main_window.py" line="244" />
      <source>Backing up the records…</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../dermassist/ui/main_window.py" line="261" />
      <source>Backup complete and verified: {folder}</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../dermassist/ui/main_window.py" line="264" />
      <source>Backup failed</source>
      <translation type="unfinished" />
    </message>
  </context>
  <context>
    <name>OutboxPanel</name>
    <message>
      <location filename="../../dermassist/ui/outbox_panel.py" line="94" />
      <source>Referrals waiting for the specialized center. They are sent in the background and retried until the center confirms them; closing the application loses nothing.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../dermassist/ui/outbox_panel.py" line="103" />
      <source>No.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../dermassist/ui/outbox_panel.py" line="104" />
      <source>Examination</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../dermassist/ui/outbox_panel.py" line="105" />
      <source>Patient</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../dermassist/ui/outbox_panel.py" line="106" />
      <source>Status</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../dermassist/ui/outbox_panel.py" line="107" />
      <source>Malignant</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../dermassist/ui/outbox_panel.py" line="108" />
      <source>Tries</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../dermassist/ui/outbox_panel.py" line="109" />
      <source>Next try / delivered</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../dermassist/ui/outbox_panel.py" line="110" />
      <source>Reason / destination</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../dermassist/ui/outbox_panel.py" line="122" />
      <source>Send now</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../dermassist/ui/outbox_panel.py" line="123" />
      <source>Try every waiting referral now instead of waiting for the next retry</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../dermassist/ui/outbox_panel.py" line="125" />
      <source>Export to folder or USB…</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../dermassist/ui/outbox_panel.py" line="126" />
      <source>Write the selected referral (DICOM files, PDF, manifest) to a folder</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../dermassist/ui/outbox_panel.py" line="128" />
      <source>Show package</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../dermassist/ui/outbox_panel.py" line="181" />
      <source>Last pass: {delivered} delivered, {failed} not delivered</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../dermassist/ui/outbox_panel.py" line="189" />
      <source>Sender error: {message}</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../dermassist/ui/outbox_panel.py" line="200" />
      <source>queued</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../dermassist/ui/outbox_panel.py" line="201" />
      <source>sending</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../dermassist/ui/outbox_panel.py" line="202" />
      <source>delivered</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../dermassist/ui/outbox_panel.py" line="203" />
      <source>failed, will retry</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../dermassist/ui/outbox_panel.py" line="210" />
      <source>now</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../dermassist/ui/outbox_panel.py" line="212" />
      <source>next pass</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../dermassist/ui/outbox_panel.py" line="230" />
      <source>Outbox not readable right now: {message}</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../dermassist/ui/outbox_panel.py" line="300" />
      <source>Export the referral to a folder or USB stick</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../dermassist/ui/outbox_panel.py" line="306" />
      <source>Export referral</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../dermassist/ui/outbox_panel.py" line="308" />
      <source>Exported to {folder}</source>
      <translation type="unfinished" />
    </message>
  </context>
  <context>
    <name>PacsSettingsWidget</name>
    <message>
      <location filename="../../dermassist/ui/pacs_settings.py" line="65" />
      <source>DICOMweb (STOW-RS over HTTPS)</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../dermassist/ui/pacs_settings.py" line="66" />
      <source>DIMSE (C-STORE)</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../dermassist/ui/pacs_settings.py" line="69" />
      <source>Protocol:</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../dermassist/ui/pacs_settings.py" line="71" />
      <source>Dermoscopic Photography (falls back automatically)</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../dermassist/ui/pacs_settings.py" line="72" />
      <source>VL Photographic (older PACS)</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../dermassist/ui/pacs_settings.py" line="74" />
      <source>Image type:</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../dermassist/ui/pacs_settings.py" line="77" />
      <source>DICOMweb</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../dermassist/ui/pacs_settings.py" line="82" />
      <source>URL:</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../dermassist/ui/pacs_settings.py" line="84" />
      <source>None</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../dermassist/ui/pacs_settings.py" line="85" />
      <source>User name and password</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../dermassist/ui/pacs_settings.py" line="86" />
      <source>Access token (bearer)</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../dermassist/ui/pacs_settings.py" line="89" />
      <source>Authentication:</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../dermassist/ui/pacs_settings.py" line="91" />
      <source>User name:</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../dermassist/ui/pacs_settings.py" line="94" />
      <source>Password:</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../dermassist/ui/pacs_settings.py" line="97" />
      <source>Token:</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../dermassist/ui/pacs_settings.py" line="98" />
      <source>Verify the server's certificate</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../dermassist/ui/pacs_settings.py" line="104" />
      <location filename="../../dermassist/ui/pacs_settings.py" line="133" />
      <source>system certificates</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../dermassist/ui/pacs_settings.py" line="105" />
      <source>Browse…</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../dermassist/ui/pacs_settings.py" line="109" />
      <location filename="../../dermassist/ui/pacs_settings.py" line="134" />
      <source>CA certificate:</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../dermassist/ui/pacs_settings.py" line="110" />
      <source>Also confirm every delivery with a QIDO-RS query</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../dermassist/ui/pacs_settings.py" line="112" />
      <source>DIMSE</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../dermassist/ui/pacs_settings.py" line="115" />
      <source>Host:</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../dermassist/ui/pacs_settings.py" line="119" />
      <source>Port:</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../dermassist/ui/pacs_settings.py" line="123" />
      <source>Center's AE title:</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../dermassist/ui/pacs_settings.py" line="127" />
      <source>Our AE title:</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../dermassist/ui/pacs_settings.py" line="128" />
      <source>Encrypt with TLS (the center's certificate is checked)</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../dermassist/ui/pacs_settings.py" line="180" />
      <source>C-STORE without TLS sends patient data unencrypted: turn on TLS, or use it only inside the clinic network or over a VPN.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../dermassist/ui/pacs_settings.py" line="143" />
      <source>Test connection</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../dermassist/ui/pacs_settings.py" line="156" />
      <source>CA certificate</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../dermassist/ui/pacs_settings.py" line="156" />
      <source>Certificates (*.pem *.crt *.cer);;All files (*)</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../dermassist/ui/pacs_settings.py" line="174" />
      <source>Without HTTPS, patient data travels unencrypted.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../dermassist/ui/pacs_settings.py" line="176" />
      <source>Certificate checking is off: anyone on the network could pose as the center.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../dermassist/ui/pacs_settings.py" line="186" />
      <source>Center's AE title</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../dermassist/ui/pacs_settings.py" line="187" />
      <source>Our AE title</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../dermassist/ui/pacs_settings.py" line="191" />
      <source>{field}: only Latin letters, digits and simple punctuation, up to 16.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../dermassist/ui/pacs_settings.py" line="221" />
      <source>Testing…</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../dermassist/ui/pacs_settings.py" line="227" />
      <source>Connected: {message}</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../dermassist/ui/pacs_settings.py" line="230" />
      <source>Failed: {message}</source>
      <translation type="unfinished" />
    </message>
  </context>
  <context>
    <name>PatientDialog</name>
    <message>
      <location filename="../../dermassist/ui/patient_dialog.py" line="34" />
      <source>New patient</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../dermassist/ui/patient_dialog.py" line="34" />
      <source>Edit patient</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../dermassist/ui/patient_dialog.py" line="38" />
      <source>Surname, first name, patronymic</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../dermassist/ui/patient_dialog.py" line="49" />
      <source>The center calls this number to book the visit</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../dermassist/ui/patient_dialog.py" line="50" />
      <source>Full name *</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../dermassist/ui/patient_dialog.py" line="51" />
      <source>Date of birth</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../dermassist/ui/patient_dialog.py" line="52" />
      <source>Sex</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../dermassist/ui/patient_dialog.py" line="53" />
      <source>Medical record / insurance no.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../dermassist/ui/patient_dialog.py" line="54" />
      <source>Phone</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../dermassist/ui/patient_dialog.py" line="92" />
      <source>The date of birth is not a date: type it as day, month, year (e.g. {example}).</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../dermassist/ui/patient_dialog.py" line="99" />
      <source>Please enter the patient's full name.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../dermassist/ui/patient_dialog.py" line="105" />
      <source>This patient was changed elsewhere meanwhile. Close and open it again.</source>
      <translation type="unfinished" />
    </message>
  </context>
  <context>
    <name>PatientListPanel</name>
    <message>
      <location filename="../../dermassist/ui/patient_list.py" line="25" />
      <source>Search: name, record no., phone, birth year</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../dermassist/ui/patient_list.py" line="33" />
      <source>New patient…</source>
      <translation type="unfinished" />
    </message>
    <message numerus="yes">
      <location filename="../../dermassist/ui/patient_list.py" line="57" />
      <source>%n patient(s)</source>
      <translation>
        <numerusform>%n patient</numerusform>
        <numerusform>%n patients</numerusform>
      </translation>
    </message>
  </context>
  <context>
    <name>PatientView</name>
    <message>
      <location filename="../../dermassist/ui/patient_view.py" line="46" />
      <source>Edit patient…</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../dermassist/ui/patient_view.py" line="54" />
      <source>Examinations</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../dermassist/ui/patient_view.py" line="60" />
      <source>New examination</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../dermassist/ui/patient_view.py" line="85" />
      <source>Select a patient on the left, or create a new one.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../dermassist/ui/patient_view.py" line="90" />
      <source>born {date} ({age} y)</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../dermassist/ui/patient_view.py" line="92" />
      <source>record no. {n}</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../dermassist/ui/patient_view.py" line="94" />
      <source>phone {phone}</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../dermassist/ui/patient_view.py" line="131" />
      <source>not analysed</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../dermassist/ui/patient_view.py" line="131" />
      <source>no picture</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../dermassist/ui/patient_view.py" line="135" />
      <source>picture warnings</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../dermassist/ui/patient_view.py" line="136" />
      <source>malignant {p}</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../dermassist/ui/patient_view.py" line="159" />
      <source>New examination created.</source>
      <translation type="unfinished" />
    </message>
  </context>
  <context>
    <name>QFileDialog</name>
    <message>
      <location filename="../../dermassist/ui/i18n.py" line="16" />
      <source>&amp;Look in:</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../dermassist/ui/i18n.py" line="17" />
      <source>Files of &amp;type:</source>
      <translation type="unfinished" />
    </message>
  </context>
  <context>
    <name>ReferralContent</name>
    <message>
      <location filename="../../dermassist/ui/center_content.py" line="24" />
      <source>Images</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../dermassist/ui/center_content.py" line="27" />
      <source>Referral PDF</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../dermassist/ui/center_content.py" line="36" />
      <source>Show the report as received (DICOM SR)</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../dermassist/ui/center_content.py" line="45" />
      <source>AI result</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../dermassist/ui/center_content.py" line="52" />
      <source>PDF viewing is not available in this installation.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../dermassist/ui/center_content.py" line="90" />
      <source>Model: {model}</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../dermassist/ui/center_content.py" line="104" />
      <source>Picture {n}: not analysed</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../dermassist/ui/center_content.py" line="105" />
      <source>Picture {n}: AI estimate of malignancy {p}</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../dermassist/ui/center_content.py" line="107" />
      <source>referral threshold {t}</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../dermassist/ui/center_content.py" line="108" />
      <source>above the threshold</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../dermassist/ui/center_content.py" line="108" />
      <source>below the threshold</source>
      <translation type="unfinished" />
    </message>
  </context>
  <context>
    <name>ReportDialog</name>
    <message>
      <location filename="../../dermassist/ui/report_dialog.py" line="85" />
      <location filename="../../dermassist/ui/report_dialog.py" line="152" />
      <source>Referral PDF</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../dermassist/ui/report_dialog.py" line="89" />
      <source>Report language:</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../dermassist/ui/report_dialog.py" line="91" />
      <source>English</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../dermassist/ui/report_dialog.py" line="92" />
      <source>Russian</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../dermassist/ui/report_dialog.py" line="109" />
      <source>The preview is not available in this build; open the PDF in the viewer.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../dermassist/ui/report_dialog.py" line="116" />
      <source>Save as…</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../dermassist/ui/report_dialog.py" line="117" />
      <source>Print…</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../dermassist/ui/report_dialog.py" line="118" />
      <source>Open in viewer</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../dermassist/ui/report_dialog.py" line="119" />
      <source>Close</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../dermassist/ui/report_dialog.py" line="131" />
      <source>Printing needs Qt PDF; open the PDF in the viewer and print there.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../dermassist/ui/report_dialog.py" line="151" />
      <source>The referral could not be produced.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../dermassist/ui/report_dialog.py" line="160" />
      <source>{pages} page(s), made in {seconds} s</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../dermassist/ui/report_dialog.py" line="199" />
      <location filename="../../dermassist/ui/report_dialog.py" line="207" />
      <source>Save referral</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../dermassist/ui/report_dialog.py" line="202" />
      <source>Saved to {path}</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../dermassist/ui/report_dialog.py" line="207" />
      <source>PDF files (*.pdf)</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../dermassist/ui/report_dialog.py" line="221" />
      <location filename="../../dermassist/ui/report_dialog.py" line="249" />
      <source>Print referral</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../dermassist/ui/report_dialog.py" line="221" />
      <source>The printer could not be started.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../dermassist/ui/report_dialog.py" line="261" />
      <location filename="../../dermassist/ui/report_dialog.py" line="265" />
      <source>Open referral</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../dermassist/ui/report_dialog.py" line="265" />
      <source>No PDF viewer could be started. The file is at {path}</source>
      <translation type="unfinished" />
    </message>
  </context>
  <context>
    <name>ResultPanel</name>
    <message>
      <location filename="../../dermassist/ui/result_panel.py" line="55" />
      <source>Analysis</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../dermassist/ui/result_panel.py" line="58" />
      <source>Analyse</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../dermassist/ui/result_panel.py" line="60" />
      <source>Estimate the probability of malignancy for the selected image</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../dermassist/ui/result_panel.py" line="129" />
      <source>Malignant</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../dermassist/ui/result_panel.py" line="129" />
      <source>Benign</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../dermassist/ui/result_panel.py" line="166" />
      <source>Add an image to this examination, then press Analyse.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../dermassist/ui/result_panel.py" line="255" />
      <source>Analysed despite warnings about the picture: the result may be unreliable.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../dermassist/ui/result_panel.py" line="257" />
      <source>Warnings about the picture: the result may be unreliable.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../dermassist/ui/result_panel.py" line="263" />
      <source>Suspicious: refer the patient to the specialist center.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../dermassist/ui/result_panel.py" line="268" />
      <source>The estimated probability of malignancy ({p}) is at or above the model's referral threshold ({t}).</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../dermassist/ui/result_panel.py" line="274" />
      <source>Below the referral threshold.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../dermassist/ui/result_panel.py" line="278" />
      <source>The estimated probability of malignancy ({p}) is below the model's referral threshold ({t}). This does not rule out melanoma: refer anyway if the lesion looks suspicious to you, has changed, or the patient is worried.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../dermassist/ui/result_panel.py" line="219" />
      <source>from the model card</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../dermassist/ui/result_panel.py" line="221" />
      <source>operating point {name}</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../dermassist/ui/result_panel.py" line="224" />
      <source>Referral threshold: {t} ({source}).</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../dermassist/ui/result_panel.py" line="230" />
      <source>Analysed despite these warnings:</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../dermassist/ui/result_panel.py" line="230" />
      <source>Warnings:</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../dermassist/ui/result_panel.py" line="235" />
      <source>Model: {name} {version} (sha256 {sha}), {provider}; analysed {when}.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../dermassist/ui/result_panel.py" line="319" />
      <source>Test-set performance of this model: not available.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../dermassist/ui/result_panel.py" line="327" />
      <source>95% CI</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../dermassist/ui/result_panel.py" line="329" />
      <source>not available</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../dermassist/ui/result_panel.py" line="331" />
      <source>Tested on {n} images: sensitivity {sens}, specificity {spec}, ROC AUC {auc}.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../dermassist/ui/result_panel.py" line="104" />
      <source>Analyse anyway</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../dermassist/ui/result_panel.py" line="106" />
      <source>Show the result; your choice is recorded and printed on the referral</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../dermassist/ui/result_panel.py" line="107" />
      <source>Do not analyse</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../dermassist/ui/result_panel.py" line="185" />
      <source>Check the picture before relying on an analysis:</source>
      <translation type="unfinished" />
    </message>
  </context>
  <context>
    <name>SettingsDialog</name>
    <message>
      <location filename="../../dermassist/ui/settings_dialog.py" line="36" />
      <source>Settings</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../dermassist/ui/settings_dialog.py" line="42" />
      <source>Clinic and doctor</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../dermassist/ui/settings_dialog.py" line="43" />
      <source>Model</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../dermassist/ui/settings_dialog.py" line="49" />
      <location filename="../../dermassist/ui/settings_dialog.py" line="55" />
      <source>Transfer to center</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../dermassist/ui/settings_dialog.py" line="53" />
      <source>Transfer settings are not available in this build ({why}).</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../dermassist/ui/settings_dialog.py" line="80" />
      <source>As the system (automatic)</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../dermassist/ui/settings_dialog.py" line="84" />
      <source>Clinic name</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../dermassist/ui/settings_dialog.py" line="85" />
      <source>Clinic address</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../dermassist/ui/settings_dialog.py" line="86" />
      <source>Clinic phone</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../dermassist/ui/settings_dialog.py" line="87" />
      <source>Doctor's name</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../dermassist/ui/settings_dialog.py" line="88" />
      <source>Doctor's phone</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../dermassist/ui/settings_dialog.py" line="89" />
      <source>Specialist center</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../dermassist/ui/settings_dialog.py" line="90" />
      <source>Center's contact (phone, address)</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../dermassist/ui/settings_dialog.py" line="91" />
      <source>Language</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../dermassist/ui/settings_dialog.py" line="99" />
      <source>default installed model</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../dermassist/ui/settings_dialog.py" line="100" />
      <source>Choose…</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../dermassist/ui/settings_dialog.py" line="104" />
      <source>Model file (.onnx)</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../dermassist/ui/settings_dialog.py" line="107" />
      <source>The default installed model</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../dermassist/ui/settings_dialog.py" line="113" />
      <source>not validated</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../dermassist/ui/settings_dialog.py" line="117" />
      <source>Use this model</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../dermassist/ui/settings_dialog.py" line="120" />
      <source>Automatic (GPU if available, else CPU)</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../dermassist/ui/settings_dialog.py" line="121" />
      <source>CPU</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../dermassist/ui/settings_dialog.py" line="122" />
      <source>NVIDIA GPU (CUDA)</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../dermassist/ui/settings_dialog.py" line="123" />
      <source>GPU through DirectML (Windows)</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../dermassist/ui/settings_dialog.py" line="128" />
      <source>Run the model on</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../dermassist/ui/settings_dialog.py" line="130" />
      <source>The model card's threshold</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../dermassist/ui/settings_dialog.py" line="137" />
      <source>{key} (sensitivity {s} on validation)</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../dermassist/ui/settings_dialog.py" line="143" />
      <source>Referral threshold</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../dermassist/ui/settings_dialog.py" line="156" />
      <source>Loaded model: {name} {version} (sha256 {sha}).</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../dermassist/ui/settings_dialog.py" line="160" />
      <source>No model is loaded.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../dermassist/ui/settings_dialog.py" line="181" />
      <source>Choose a model</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../dermassist/ui/settings_dialog.py" line="181" />
      <source>ONNX models (*.onnx)</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../dermassist/ui/settings_dialog.py" line="151" />
      <source>Average the picture's 8 flips and rotations (slower; see the manual)</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../dermassist/ui/settings_dialog.py" line="154" />
      <source>Test-time augmentation</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../dermassist/ui/settings_dialog.py" line="177" />
      <source>Threshold {t}.</source>
      <translation type="unfinished" />
    </message>
  </context>
  <context>
    <name>Sex</name>
    <message>
      <location filename="../../dermassist/ui/patient_dialog.py" line="19" />
      <source>female</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../dermassist/ui/patient_dialog.py" line="20" />
      <source>male</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../dermassist/ui/patient_dialog.py" line="21" />
      <source>other</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../dermassist/ui/patient_dialog.py" line="22" />
      <source>not stated</source>
      <translation type="unfinished" />
    </message>
  </context>
  <context>
    <name>Urgency</name>
    <message>
      <location filename="../../dermassist/ui/exam_tabs.py" line="30" />
      <source>routine</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../dermassist/ui/exam_tabs.py" line="31" />
      <source>soon (within 2 weeks)</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../dermassist/ui/exam_tabs.py" line="32" />
      <source>urgent</source>
      <translation type="unfinished" />
    </message>
  </context>
</TS>