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
      <location filename="../../dermassist/ui/audit_dialog.py" line="41" />
      <source>exported the referral PDF</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../dermassist/ui/audit_dialog.py" line="42" />
      <source>exported the referral package</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../dermassist/ui/audit_dialog.py" line="43" />
      <source>queued for the center</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../dermassist/ui/audit_dialog.py" line="44" />
      <source>sent to the center</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../dermassist/ui/audit_dialog.py" line="47" />
      <source>patient</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../dermassist/ui/audit_dialog.py" line="48" />
      <source>examination</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../dermassist/ui/audit_dialog.py" line="49" />
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
      <location filename="../../dermassist/ui/camera_dialog.py" line="43" />
      <source>Capture from camera</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../dermassist/ui/camera_dialog.py" line="50" />
      <source>Camera:</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../dermassist/ui/camera_dialog.py" line="54" />
      <source>Refresh</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../dermassist/ui/camera_dialog.py" line="72" />
      <source>Capture</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../dermassist/ui/camera_dialog.py" line="75" />
      <source>Cancel</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../dermassist/ui/camera_dialog.py" line="96" />
      <source>Camera support is not available on this computer ({error}).</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../dermassist/ui/camera_dialog.py" line="110" />
      <source>No camera was found. Connect the dermatoscope or a USB camera, wait a few seconds and press Refresh. You can also open a picture file or paste one from the clipboard.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../dermassist/ui/camera_dialog.py" line="141" />
      <source>Still resolution: {w} × {h}</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../dermassist/ui/camera_dialog.py" line="151" />
      <source>Camera error: </source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../dermassist/ui/camera_dialog.py" line="154" />
      <source>Capture failed: </source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../dermassist/ui/camera_dialog.py" line="163" />
      <source>Capturing…</source>
      <translation type="unfinished" />
    </message>
  </context>
  <context>
    <name>CenterWindow</name>
    <message>
      <location filename="../../dermassist/ui/center_window.py" line="80" />
      <source>DermAssist {version}: referrals received</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../dermassist/ui/center_window.py" line="86" />
      <source>Refresh</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../dermassist/ui/center_window.py" line="94" />
      <source>Malignant</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../dermassist/ui/center_window.py" line="95" />
      <source>Patient</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../dermassist/ui/center_window.py" line="96" />
      <source>Phone</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../dermassist/ui/center_window.py" line="97" />
      <source>Referring clinic</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../dermassist/ui/center_window.py" line="98" />
      <source>Date</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../dermassist/ui/center_window.py" line="99" />
      <source>Referral</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../dermassist/ui/center_window.py" line="100" />
      <source>Follow-up</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../dermassist/ui/center_window.py" line="113" />
      <source>Select a referral.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../dermassist/ui/center_window.py" line="119" />
      <source>Patient called</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../dermassist/ui/center_window.py" line="121" />
      <source>Appointment set…</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../dermassist/ui/center_window.py" line="130" />
      <source>Note (kept at the center only)</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../dermassist/ui/center_window.py" line="139" />
      <source>Images</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../dermassist/ui/center_window.py" line="141" />
      <source>Referral PDF</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../dermassist/ui/center_window.py" line="144" />
      <source>AI result</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../dermassist/ui/center_window.py" line="160" />
      <source>PDF viewing is not available in this installation.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../dermassist/ui/center_window.py" line="176" />
      <source>Querying the PACS…</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../dermassist/ui/center_window.py" line="189" />
      <source>appointment set</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../dermassist/ui/center_window.py" line="191" />
      <source>called</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../dermassist/ui/center_window.py" line="193" />
      <source>to call</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../dermassist/ui/center_window.py" line="204" />
      <source>{count} referral(s)</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../dermassist/ui/center_window.py" line="208" />
      <source>PACS error: {message}</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../dermassist/ui/center_window.py" line="228" />
      <source>not analysed</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../dermassist/ui/center_window.py" line="231" />
      <source>{name} (born {birth}, {sex}), phone {phone}
Referred by {doctor}, {clinic}; referral {number}
AI malignancy: {prob} ({model})</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../dermassist/ui/center_window.py" line="305" />
      <source>Appointment</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../dermassist/ui/center_window.py" line="306" />
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
    <name>ExaminationView</name>
    <message>
      <location filename="../../dermassist/ui/exam_view.py" line="78" />
      <source>Details</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../dermassist/ui/exam_view.py" line="79" />
      <source>Lesion site</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../dermassist/ui/exam_view.py" line="84" />
      <source>Dermoscopy checklist</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../dermassist/ui/exam_view.py" line="119" />
      <source>History, size, change noticed by the patient, your impression…</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../dermassist/ui/exam_view.py" line="120" />
      <source>Date</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../dermassist/ui/exam_view.py" line="121" />
      <source>Referring doctor</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../dermassist/ui/exam_view.py" line="122" />
      <source>Urgency</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../dermassist/ui/exam_view.py" line="123" />
      <source>Notes</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../dermassist/ui/exam_view.py" line="140" />
      <source>Follow-up of this lesion</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../dermassist/ui/exam_view.py" line="141" />
      <source>Start a new examination of the same lesion today</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../dermassist/ui/exam_view.py" line="142" />
      <source>Compare over time…</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../dermassist/ui/exam_view.py" line="154" />
      <source>Save</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../dermassist/ui/exam_view.py" line="156" />
      <source>Referral PDF…</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../dermassist/ui/exam_view.py" line="157" />
      <location filename="../../dermassist/ui/exam_view.py" line="395" />
      <source>Send to center</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../dermassist/ui/exam_view.py" line="170" />
      <source>Referral letters are not available in this build.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../dermassist/ui/exam_view.py" line="172" />
      <source>Sending to the center is not available in this build.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../dermassist/ui/exam_view.py" line="200" />
      <source>Examination of {date}</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../dermassist/ui/exam_view.py" line="202" />
      <source>Select or create an examination.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../dermassist/ui/exam_view.py" line="213" />
      <source>Site: {label}</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../dermassist/ui/exam_view.py" line="213" />
      <source>Site: not marked yet</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../dermassist/ui/exam_view.py" line="263" />
      <source>This examination was changed elsewhere; your edits were not saved.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../dermassist/ui/exam_view.py" line="272" />
      <source>Examination saved.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../dermassist/ui/exam_view.py" line="298" />
      <source>The model is still loading.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../dermassist/ui/exam_view.py" line="307" />
      <source>This result comes from a different model than the one now loaded; press Analyse to repeat it.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../dermassist/ui/exam_view.py" line="313" />
      <source>No model can be used, so no analysis is possible (see the notice at the top).</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../dermassist/ui/exam_view.py" line="316" />
      <source>Add an image to this examination, then press Analyse.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../dermassist/ui/exam_view.py" line="318" />
      <source>The model is loading…</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../dermassist/ui/exam_view.py" line="320" />
      <source>This picture has not been analysed yet. Press Analyse.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../dermassist/ui/exam_view.py" line="332" />
      <source>Analysing…</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../dermassist/ui/exam_view.py" line="336" />
      <source>Reading the picture…</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../dermassist/ui/exam_view.py" line="336" />
      <source>Running the model…</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../dermassist/ui/exam_view.py" line="347" />
      <source>The result could not be stored: {error}</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../dermassist/ui/exam_view.py" line="349" />
      <source>Analysis finished in {s} s.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../dermassist/ui/exam_view.py" line="359" />
      <source>The analysis failed: {error}</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../dermassist/ui/exam_view.py" line="376" />
      <location filename="../../dermassist/ui/exam_view.py" line="382" />
      <source>Referral PDF</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../dermassist/ui/exam_view.py" line="398" />
      <source>The examination is queued for sending; see the Outbox tab.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../dermassist/ui/exam_view.py" line="397" />
      <source>Not analysed. Take a better picture of the lesion and add it, or press Analyse again.</source>
      <translation type="unfinished" />
    </message>
  </context>
  <context>
    <name>ImageViewer</name>
    <message>
      <location filename="../../dermassist/ui/image_viewer.py" line="39" />
      <source>Wheel: zoom. Drag: move. Double-click: fit to window.</source>
      <translation type="unfinished" />
    </message>
  </context>
  <context>
    <name>ImagesPane</name>
    <message>
      <location filename="../../dermassist/ui/images_pane.py" line="59" />
      <source>No picture yet. Open a file, drop one here, paste (Ctrl+V) or use the camera.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../dermassist/ui/images_pane.py" line="73" />
      <source>Open file…</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../dermassist/ui/images_pane.py" line="75" />
      <source>Paste</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../dermassist/ui/images_pane.py" line="76" />
      <source>Camera…</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../dermassist/ui/images_pane.py" line="157" />
      <location filename="../../dermassist/ui/images_pane.py" line="172" />
      <source>Not added: {reason}</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../dermassist/ui/images_pane.py" line="159" />
      <source>Could not save the picture: {error}</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../dermassist/ui/images_pane.py" line="188" />
      <source>Open dermoscopy images</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../dermassist/ui/images_pane.py" line="188" />
      <source>Images ({patterns})</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../dermassist/ui/images_pane.py" line="200" />
      <source>pasted image</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../dermassist/ui/images_pane.py" line="202" />
      <source>The clipboard holds no picture.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../dermassist/ui/images_pane.py" line="210" />
      <source>camera capture</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../dermassist/ui/images_pane.py" line="223" />
      <source>dropped image</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../dermassist/ui/images_pane.py" line="103" />
      <source>Heatmap</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../dermassist/ui/images_pane.py" line="107" />
      <source>Where in the picture the model found the evidence for its estimate (red: most, blue: least)</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../dermassist/ui/images_pane.py" line="113" />
      <source>Heatmap opacity</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../dermassist/ui/images_pane.py" line="110" />
      <source>Opacity</source>
      <translation type="unfinished" />
    </message>
  </context>
  <context>
    <name>LesionHistoryDialog</name>
    <message>
      <location filename="../../dermassist/ui/lesion_history.py" line="29" />
      <source>Lesion over time</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../dermassist/ui/lesion_history.py" line="33" />
      <source>{n} examinations of this lesion</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../dermassist/ui/lesion_history.py" line="54" />
      <source>no picture</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../dermassist/ui/lesion_history.py" line="60" />
      <source>not analysed</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../dermassist/ui/lesion_history.py" line="64" />
      <source>Malignant: {p}</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../dermassist/ui/lesion_history.py" line="65" />
      <source>above threshold</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../dermassist/ui/lesion_history.py" line="72" />
      <source>Change: {d} percentage points</source>
      <translation type="unfinished" />
    </message>
  </context>
  <context>
    <name>MainWindow</name>
    <message>
      <location filename="../../dermassist/ui/app.py" line="53" />
      <source>DermAssist cannot open its records:</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../dermassist/ui/app.py" line="57" />
      <source>Ready in {s} s</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../dermassist/ui/main_window.py" line="36" />
      <source>DermAssist {version}: dermoscopy decision support</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../dermassist/ui/main_window.py" line="55" />
      <source>Patients</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../dermassist/ui/main_window.py" line="119" />
      <source>Outbox</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../dermassist/ui/main_window.py" line="70" />
      <source>Model: not loaded yet</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../dermassist/ui/main_window.py" line="74" />
      <source>&amp;File</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../dermassist/ui/main_window.py" line="75" />
      <source>&amp;New patient…</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../dermassist/ui/main_window.py" line="77" />
      <source>&amp;Settings…</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../dermassist/ui/main_window.py" line="80" />
      <source>&amp;Quit</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../dermassist/ui/main_window.py" line="82" />
      <source>&amp;Audit trail…</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../dermassist/ui/main_window.py" line="88" />
      <source>&amp;Help</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../dermassist/ui/main_window.py" line="89" />
      <source>&amp;About DermAssist</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../dermassist/ui/main_window.py" line="123" />
      <source>Model: loading…</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../dermassist/ui/main_window.py" line="130" />
      <source>Model: {name} {version} (sha256 {sha}) on {provider}</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../dermassist/ui/main_window.py" line="139" />
      <location filename="../../dermassist/ui/main_window.py" line="201" />
      <source>Model: none</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../dermassist/ui/main_window.py" line="141" />
      <source>No model is installed, so pictures cannot be analysed.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../dermassist/ui/main_window.py" line="143" />
      <source>To get one, ask your administrator for the DermAssist model package and put the model file (.onnx) with its card (.json) into {folder}, or import a model with 'dermassist import-model MODEL.onnx'; then restart DermAssist.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../dermassist/ui/main_window.py" line="148" />
      <source>The model could not be loaded, so pictures cannot be analysed.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../dermassist/ui/main_window.py" line="150" />
      <source>You can record patients and pictures meanwhile.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../dermassist/ui/main_window.py" line="181" />
      <source>Language</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../dermassist/ui/main_window.py" line="181" />
      <source>The new language will be used the next time DermAssist starts.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../dermassist/ui/main_window.py" line="197" />
      <source>Model: {name} {version}, sha256 {sha}</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../dermassist/ui/main_window.py" line="205" />
      <source>About DermAssist</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../dermassist/ui/main_window.py" line="208" />
      <source>Records: {path} (schema version {v})</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../dermassist/ui/main_window.py" line="0" />
      <source>&amp;Back up records…</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../dermassist/ui/main_window.py" line="0" />
      <source>No backup of the records yet. Back up now…</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../dermassist/ui/main_window.py" line="0" />
      <source>The last backup is {days} days old. Back up now…</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../dermassist/ui/main_window.py" line="0" />
      <source>Back up the records to</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../dermassist/ui/main_window.py" line="0" />
      <source>Backing up the records…</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../dermassist/ui/main_window.py" line="0" />
      <source>Backup complete and verified: {folder}</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../dermassist/ui/main_window.py" line="0" />
      <source>Backup failed</source>
      <translation type="unfinished" />
    </message>
  </context>
  <context>
    <name>OutboxPanel</name>
    <message>
      <location filename="../../dermassist/ui/outbox_panel.py" line="93" />
      <source>Referrals waiting for the specialized center. They are sent in the background and retried until the center confirms them; closing the application loses nothing.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../dermassist/ui/outbox_panel.py" line="102" />
      <source>No.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../dermassist/ui/outbox_panel.py" line="103" />
      <source>Examination</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../dermassist/ui/outbox_panel.py" line="104" />
      <source>Patient</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../dermassist/ui/outbox_panel.py" line="105" />
      <source>Status</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../dermassist/ui/outbox_panel.py" line="106" />
      <source>Malignant</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../dermassist/ui/outbox_panel.py" line="107" />
      <source>Tries</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../dermassist/ui/outbox_panel.py" line="108" />
      <source>Next try / delivered</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../dermassist/ui/outbox_panel.py" line="109" />
      <source>Reason / destination</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../dermassist/ui/outbox_panel.py" line="119" />
      <source>Send now</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../dermassist/ui/outbox_panel.py" line="120" />
      <source>Try every waiting referral now instead of waiting for the next retry</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../dermassist/ui/outbox_panel.py" line="122" />
      <source>Export to folder or USB…</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../dermassist/ui/outbox_panel.py" line="123" />
      <source>Write the selected referral (DICOM files, PDF, manifest) to a folder</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../dermassist/ui/outbox_panel.py" line="125" />
      <source>Show package</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../dermassist/ui/outbox_panel.py" line="177" />
      <source>Last pass: {delivered} delivered, {failed} not delivered</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../dermassist/ui/outbox_panel.py" line="185" />
      <source>Sender error: {message}</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../dermassist/ui/outbox_panel.py" line="196" />
      <source>queued</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../dermassist/ui/outbox_panel.py" line="197" />
      <source>sending</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../dermassist/ui/outbox_panel.py" line="198" />
      <source>delivered</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../dermassist/ui/outbox_panel.py" line="199" />
      <source>failed, will retry</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../dermassist/ui/outbox_panel.py" line="209" />
      <source>now</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../dermassist/ui/outbox_panel.py" line="211" />
      <source>next pass</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../dermassist/ui/outbox_panel.py" line="229" />
      <source>Outbox not readable right now: {message}</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../dermassist/ui/outbox_panel.py" line="296" />
      <source>Export the referral to a folder or USB stick</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../dermassist/ui/outbox_panel.py" line="302" />
      <source>Export referral</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../dermassist/ui/outbox_panel.py" line="304" />
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
      <location filename="../../dermassist/ui/pacs_settings.py" line="128" />
      <source>C-STORE without TLS sends patient data unencrypted: turn on TLS, or use it only inside the clinic network or over a VPN.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../dermassist/ui/pacs_settings.py" line="136" />
      <source>Test connection</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../dermassist/ui/pacs_settings.py" line="149" />
      <source>CA certificate</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../dermassist/ui/pacs_settings.py" line="149" />
      <source>Certificates (*.pem *.crt *.cer);;All files (*)</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../dermassist/ui/pacs_settings.py" line="166" />
      <source>Without HTTPS, patient data travels unencrypted.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../dermassist/ui/pacs_settings.py" line="168" />
      <source>Certificate checking is off: anyone on the network could pose as the center.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../dermassist/ui/pacs_settings.py" line="171" />
      <source>Center's AE title</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../dermassist/ui/pacs_settings.py" line="172" />
      <source>Our AE title</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../dermassist/ui/pacs_settings.py" line="176" />
      <source>{field}: only Latin letters, digits and simple punctuation, up to 16.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../dermassist/ui/pacs_settings.py" line="204" />
      <source>Testing…</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../dermassist/ui/pacs_settings.py" line="210" />
      <source>Connected: {message}</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../dermassist/ui/pacs_settings.py" line="213" />
      <source>Failed: {message}</source>
      <translation type="unfinished" />
    </message>
  </context>
  <context>
    <name>PatientDialog</name>
    <message>
      <location filename="../../dermassist/ui/patient_dialog.py" line="35" />
      <source>New patient</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../dermassist/ui/patient_dialog.py" line="35" />
      <source>Edit patient</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../dermassist/ui/patient_dialog.py" line="39" />
      <source>Surname, first name, patronymic</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../dermassist/ui/patient_dialog.py" line="45" />
      <source>not given</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../dermassist/ui/patient_dialog.py" line="55" />
      <source>The center calls this number to book the visit</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../dermassist/ui/patient_dialog.py" line="56" />
      <source>Full name *</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../dermassist/ui/patient_dialog.py" line="57" />
      <source>Date of birth</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../dermassist/ui/patient_dialog.py" line="58" />
      <source>Sex</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../dermassist/ui/patient_dialog.py" line="59" />
      <source>Medical record / insurance no.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../dermassist/ui/patient_dialog.py" line="60" />
      <source>Phone</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../dermassist/ui/patient_dialog.py" line="97" />
      <source>Please enter the patient's full name.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../dermassist/ui/patient_dialog.py" line="103" />
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
      <location filename="../../dermassist/ui/patient_view.py" line="44" />
      <source>Edit patient…</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../dermassist/ui/patient_view.py" line="52" />
      <source>Examinations</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../dermassist/ui/patient_view.py" line="56" />
      <source>New examination</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../dermassist/ui/patient_view.py" line="81" />
      <source>Select a patient on the left, or create a new one.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../dermassist/ui/patient_view.py" line="86" />
      <source>born {date} ({age} y)</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../dermassist/ui/patient_view.py" line="88" />
      <source>record no. {n}</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../dermassist/ui/patient_view.py" line="90" />
      <source>phone {phone}</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../dermassist/ui/patient_view.py" line="127" />
      <source>not analysed</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../dermassist/ui/patient_view.py" line="127" />
      <source>no picture</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../dermassist/ui/patient_view.py" line="130" />
      <source>malignant {p}</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../dermassist/ui/patient_view.py" line="153" />
      <source>New examination created.</source>
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
      <location filename="../../dermassist/ui/result_panel.py" line="47" />
      <source>Analysis</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../dermassist/ui/result_panel.py" line="50" />
      <source>Analyse</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../dermassist/ui/result_panel.py" line="52" />
      <source>Estimate the probability of malignancy for the selected image</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../dermassist/ui/result_panel.py" line="80" />
      <source>Malignant</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../dermassist/ui/result_panel.py" line="81" />
      <source>Benign</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../dermassist/ui/result_panel.py" line="115" />
      <source>Add an image to this examination, then press Analyse.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../dermassist/ui/result_panel.py" line="148" />
      <source>Suspicious: refer the patient to the specialist center.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../dermassist/ui/result_panel.py" line="151" />
      <source>The estimated probability of malignancy ({p}) is at or above the model's referral threshold ({t}).</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../dermassist/ui/result_panel.py" line="158" />
      <source>Below the referral threshold.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../dermassist/ui/result_panel.py" line="161" />
      <source>The estimated probability of malignancy ({p}) is below the model's referral threshold ({t}). This does not rule out melanoma: refer anyway if the lesion looks suspicious to you, has changed, or the patient is worried.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../dermassist/ui/result_panel.py" line="172" />
      <source>from the model card</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../dermassist/ui/result_panel.py" line="174" />
      <source>operating point {name}</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../dermassist/ui/result_panel.py" line="176" />
      <source>Referral threshold: {t} ({source}).</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../dermassist/ui/result_panel.py" line="179" />
      <source>Analysed despite these warnings:</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../dermassist/ui/result_panel.py" line="179" />
      <source>Warnings:</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../dermassist/ui/result_panel.py" line="182" />
      <source>Model: {name} {version} (sha256 {sha}), {provider}; analysed {when}.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../dermassist/ui/result_panel.py" line="198" />
      <source>Test-set performance of this model: not available.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../dermassist/ui/result_panel.py" line="206" />
      <source>95% CI</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../dermassist/ui/result_panel.py" line="208" />
      <source>not available</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../dermassist/ui/result_panel.py" line="210" />
      <source>Tested on {n} images: sensitivity {sens}, specificity {spec}, ROC AUC {auc}.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../dermassist/ui/result_panel.py" line="88" />
      <source>Analyse anyway</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../dermassist/ui/result_panel.py" line="90" />
      <source>Show the result; your choice is recorded and printed on the referral</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../dermassist/ui/result_panel.py" line="91" />
      <source>Do not analyse</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../dermassist/ui/result_panel.py" line="168" />
      <source>Check the picture before relying on an analysis:</source>
      <translation type="unfinished" />
    </message>
  </context>
  <context>
    <name>SettingsDialog</name>
    <message>
      <location filename="../../dermassist/ui/settings_dialog.py" line="34" />
      <source>Settings</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../dermassist/ui/settings_dialog.py" line="40" />
      <source>Clinic and doctor</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../dermassist/ui/settings_dialog.py" line="41" />
      <source>Model</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../dermassist/ui/settings_dialog.py" line="47" />
      <location filename="../../dermassist/ui/settings_dialog.py" line="53" />
      <source>Transfer to center</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../dermassist/ui/settings_dialog.py" line="51" />
      <source>Transfer settings are not available in this build ({why}).</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../dermassist/ui/settings_dialog.py" line="74" />
      <source>As the system (automatic)</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../dermassist/ui/settings_dialog.py" line="78" />
      <source>Clinic name</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../dermassist/ui/settings_dialog.py" line="79" />
      <source>Clinic address</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../dermassist/ui/settings_dialog.py" line="0" />
      <source>Clinic phone</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../dermassist/ui/settings_dialog.py" line="80" />
      <source>Doctor's name</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../dermassist/ui/settings_dialog.py" line="0" />
      <source>Doctor's phone</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../dermassist/ui/settings_dialog.py" line="81" />
      <source>Specialist center</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../dermassist/ui/settings_dialog.py" line="82" />
      <source>Center's contact (phone, address)</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../dermassist/ui/settings_dialog.py" line="83" />
      <source>Language</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../dermassist/ui/settings_dialog.py" line="91" />
      <source>default installed model</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../dermassist/ui/settings_dialog.py" line="92" />
      <source>Choose…</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../dermassist/ui/settings_dialog.py" line="96" />
      <source>Model file (.onnx)</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../dermassist/ui/settings_dialog.py" line="99" />
      <source>Automatic (GPU if available, else CPU)</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../dermassist/ui/settings_dialog.py" line="100" />
      <source>CPU</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../dermassist/ui/settings_dialog.py" line="101" />
      <source>NVIDIA GPU (CUDA)</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../dermassist/ui/settings_dialog.py" line="102" />
      <source>GPU through DirectML (Windows)</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../dermassist/ui/settings_dialog.py" line="107" />
      <source>Run the model on</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../dermassist/ui/settings_dialog.py" line="109" />
      <source>The model card's threshold</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../dermassist/ui/settings_dialog.py" line="116" />
      <source>{key} (sensitivity {s} on validation)</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../dermassist/ui/settings_dialog.py" line="122" />
      <source>Referral threshold</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../dermassist/ui/settings_dialog.py" line="124" />
      <source>Loaded model: {name} {version} (sha256 {sha}).</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../dermassist/ui/settings_dialog.py" line="128" />
      <source>No model is loaded.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../dermassist/ui/settings_dialog.py" line="135" />
      <source>Choose a model</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../dermassist/ui/settings_dialog.py" line="135" />
      <source>ONNX models (*.onnx)</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../dermassist/ui/settings_dialog.py" line="132" />
      <source>Average the picture's 8 flips and rotations (slower; see the manual)</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../dermassist/ui/settings_dialog.py" line="135" />
      <source>Test-time augmentation</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../dermassist/ui/settings_dialog.py" line="158" />
      <source>Threshold {t}.</source>
      <translation type="unfinished" />
    </message>
  </context>
  <context>
    <name>Sex</name>
    <message>
      <location filename="../../dermassist/ui/patient_dialog.py" line="20" />
      <source>female</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../dermassist/ui/patient_dialog.py" line="21" />
      <source>male</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../dermassist/ui/patient_dialog.py" line="22" />
      <source>other</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../dermassist/ui/patient_dialog.py" line="23" />
      <source>not stated</source>
      <translation type="unfinished" />
    </message>
  </context>
  <context>
    <name>Urgency</name>
    <message>
      <location filename="../../dermassist/ui/exam_view.py" line="39" />
      <source>routine</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../dermassist/ui/exam_view.py" line="40" />
      <source>soon (within 2 weeks)</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../dermassist/ui/exam_view.py" line="41" />
      <source>urgent</source>
      <translation type="unfinished" />
    </message>
  </context>
</TS>